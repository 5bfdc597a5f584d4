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
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        KieSession session = ruleset.kieBase(decision).newKieSession();
        List<FiredRule> fired = new ArrayList<>();
        try {
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
        } finally {
            session.dispose();
        }
    }

    private static DecisionResult collect(Ruleset ruleset, String decision, LocalDate date, KieSession session,
                                          List<FiredRule> fired) {
        // Working memory has no insertion order; sorting by fact handle id restores it.
        List<Object> outputs = session.getFactHandles().stream()
                .sorted((a, b) -> Long.compare(((org.drools.core.common.InternalFactHandle) a).getId(),
                        ((org.drools.core.common.InternalFactHandle) b).getId()))
                .map(session::getObject)
                .toList();
        List<String> outcomes = outputs.stream().filter(Outcome.class::isInstance)
                .map(o -> ((Outcome) o).value()).distinct().toList();
        if (outcomes.size() != 1) {
            throw new DecisionFailedException(ruleset.round().code(), decision,
                    outcomes.isEmpty() ? "no rule set an Outcome" : "rules set conflicting outcomes " + outcomes);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        outputs.stream().filter(Value.class::isInstance).map(Value.class::cast)
                .forEach(v -> values.put(v.name(), v.value()));
        return new DecisionResult(ruleset.round().code(), decision, ruleset.version(), date, outcomes.get(0),
                List.copyOf(fired), only(outputs, Failure.class), values, only(outputs, ScorePoint.class),
                only(outputs, Award.class), only(outputs, Tranche.class), only(outputs, Release.class),
                only(outputs, ConditionChange.class), only(outputs, Flag.class));
    }

    private static <T> List<T> only(List<Object> outputs, Class<T> type) {
        return outputs.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
