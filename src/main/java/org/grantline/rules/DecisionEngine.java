package org.grantline.rules;

import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.ConditionChange;
import org.grantline.rules.facts.DecisionDate;
import org.grantline.rules.facts.Failure;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.Outcome;
import org.grantline.rules.facts.Release;
import org.grantline.rules.facts.ScorePoint;
import org.grantline.rules.facts.Tranche;
import org.grantline.rules.facts.Value;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one decision of a ruleset over a set of facts. Stateless and side-effect free: the same
 * ruleset, date and facts always give the same result, which is what makes replay possible.
 */
@Component
public class DecisionEngine {

    private final RulesetRegistry registry;

    public DecisionEngine(RulesetRegistry registry) {
        this.registry = registry;
    }

    /** Decides with the round's active ruleset. */
    public DecisionResult decide(String roundCode, String decision, LocalDate date, Collection<?> facts) {
        return decide(registry.active(roundCode), decision, date, facts);
    }

    public static DecisionResult decide(Ruleset ruleset, String decision, LocalDate date, Collection<?> facts) {
        return ruleset.sessions(decision).withSession(session -> {
            List<FiredRule> fired = new ArrayList<>();
            session.setGlobal("params", ruleset.parameters().on(date));
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(FiredRule.named(event.getMatch().getRule().getName()));
                }
            });
            session.insert(new DecisionDate(date));
            facts.forEach(session::insert);
            session.fireAllRules();
            return collect(ruleset, decision, date, session, fired);
        });
    }

    private static DecisionResult collect(Ruleset ruleset, String decision, LocalDate date, KieSession session,
                                          List<FiredRule> fired) {
        Outputs outputs = new Outputs();
        // Working memory has no insertion order; sorting by fact handle id restores it.
        session.getFactHandles().stream()
                .map(InternalFactHandle.class::cast)
                .sorted(Comparator.comparingLong(InternalFactHandle::getId))
                .forEach(handle -> outputs.add(handle.getObject()));
        if (outputs.outcomes.size() != 1) {
            throw new DecisionFailedException(ruleset.round().code(), decision, outputs.outcomes.isEmpty()
                    ? "no rule set an Outcome" : "rules set conflicting outcomes " + outputs.outcomes);
        }
        return new DecisionResult(ruleset.round().code(), decision, ruleset.version(), date,
                outputs.outcomes.iterator().next(), List.copyOf(fired), List.copyOf(outputs.failures),
                outputs.values, List.copyOf(outputs.scores), List.copyOf(outputs.awards),
                List.copyOf(outputs.tranches), List.copyOf(outputs.releases), List.copyOf(outputs.conditions),
                List.copyOf(outputs.flags));
    }

    /** What the rules left in working memory, sorted by kind in one pass, each kind in insertion order. */
    private static final class Outputs {
        final Set<String> outcomes = new LinkedHashSet<>();
        final Map<String, Object> values = new LinkedHashMap<>();
        final List<Failure> failures = new ArrayList<>();
        final List<ScorePoint> scores = new ArrayList<>();
        final List<Award> awards = new ArrayList<>();
        final List<Tranche> tranches = new ArrayList<>();
        final List<Release> releases = new ArrayList<>();
        final List<ConditionChange> conditions = new ArrayList<>();
        final List<Flag> flags = new ArrayList<>();

        void add(Object output) {
            if (output instanceof Outcome outcome) {
                outcomes.add(outcome.value());
            } else if (output instanceof Value value) {
                values.put(value.name(), value.value());
            } else if (output instanceof Failure failure) {
                failures.add(failure);
            } else if (output instanceof ScorePoint score) {
                scores.add(score);
            } else if (output instanceof Award award) {
                awards.add(award);
            } else if (output instanceof Tranche tranche) {
                tranches.add(tranche);
            } else if (output instanceof Release release) {
                releases.add(release);
            } else if (output instanceof ConditionChange condition) {
                conditions.add(condition);
            } else if (output instanceof Flag flag) {
                flags.add(flag);
            }
        }
    }
}
