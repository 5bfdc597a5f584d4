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
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
            Trace trace = new Trace();
            session.setGlobal("params", ruleset.parameters().on(date));
            session.addEventListener((AgendaEventListener) trace);
            session.addEventListener((RuleRuntimeEventListener) trace);
            session.insert(new DecisionDate(date));
            facts.forEach(session::insert);
            session.fireAllRules();
            return collect(ruleset, decision, date, trace);
        });
    }

    private static DecisionResult collect(Ruleset ruleset, String decision, LocalDate date, Trace trace) {
        Outputs outputs = new Outputs();
        trace.forEachFact(outputs::add);
        if (outputs.outcomes.size() != 1) {
            throw new DecisionFailedException(ruleset.round().code(), decision, outputs.outcomes.isEmpty()
                    ? "no rule set an Outcome" : "rules set conflicting outcomes " + outputs.outcomes);
        }
        return new DecisionResult(ruleset.round().code(), decision, ruleset.version(), date,
                outputs.outcomes.iterator().next(), List.copyOf(trace.fired), List.copyOf(outputs.failures),
                outputs.values, List.copyOf(outputs.scores), List.copyOf(outputs.awards),
                List.copyOf(outputs.tranches), List.copyOf(outputs.releases), List.copyOf(outputs.conditions),
                List.copyOf(outputs.flags));
    }

    /**
     * What a decision's session did: the rules that fired, in order, and the facts in working memory, in the
     * order they were inserted, as they are inserted, updated and deleted. Kept here rather than read from
     * working memory at the end: an immutable KieBase's session drops a fact that no pattern accepted when it was
     * inserted, such as the Outcome (RulesetCompiler). Drools reports an insert only of an object it does not
     * hold, and a dropped fact is no longer held, so an object inserted again is reported again: it is kept once.
     * A rule that kept a dropped fact's handle across firings (only possible through some static state) and
     * updated or deleted the fact through it later would see the fact kept: no rule of the three rounds does.
     */
    private static final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        final List<FiredRule> fired = new ArrayList<>();
        /** Insertion order; a deleted fact leaves a null. */
        private final List<Object> facts = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(FiredRule.named(event.getMatch().getRule().getName()));
        }

        /** Single-threaded sessions (SessionPool) drop an unmatched fact at once, so a re-insert is reported. */
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (indexOf(event.getObject()) < 0) {
                facts.add(event.getObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            int at = indexOf(event.getOldObject());
            if (at >= 0) {
                facts.set(at, event.getObject());
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            int at = indexOf(event.getOldObject());
            if (at >= 0) {
                facts.set(at, null);
            }
        }

        /** A decision holds a few dozen facts: a scan is cheaper than hashing each new object's identity. */
        private int indexOf(Object fact) {
            for (int i = 0; i < facts.size(); i++) {
                if (facts.get(i) == fact) {
                    return i;
                }
            }
            return -1;
        }

        void forEachFact(Consumer<Object> action) {
            for (Object fact : facts) {
                if (fact != null) {
                    action.accept(fact);
                }
            }
        }
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
