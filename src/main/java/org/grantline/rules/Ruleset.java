package org.grantline.rules;

import org.grantline.parameters.ParameterStore;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

import java.util.Set;

/** A compiled, immutable version of one round's rules and parameters. */
public final class Ruleset {

    private final RoundDefinition round;
    private final RulesetFiles files;
    private final String version;
    private final KieContainer container;
    private final ParameterStore parameters;
    private final Set<String> decisions;

    Ruleset(RoundDefinition round, RulesetFiles files, KieContainer container, ParameterStore parameters,
            Set<String> decisions) {
        this.round = round;
        this.files = files;
        this.version = files.version();
        this.container = container;
        this.parameters = parameters;
        this.decisions = Set.copyOf(decisions);
    }

    public RoundDefinition round() {
        return round;
    }

    public RulesetFiles files() {
        return files;
    }

    public String version() {
        return version;
    }

    public ParameterStore parameters() {
        return parameters;
    }

    public Set<String> decisions() {
        return decisions;
    }

    KieBase kieBase(String decision) {
        if (!decisions.contains(decision)) {
            throw new UnknownDecisionException(round.code(), decision, decisions);
        }
        return container.getKieBase(decision);
    }
}
