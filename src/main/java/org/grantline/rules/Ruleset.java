package org.grantline.rules;

import org.grantline.parameters.ParameterStore;
import org.kie.api.KieBase;
import java.util.Map;
import java.util.Set;

/** A compiled, immutable version of one round's rules and parameters. */
public final class Ruleset {

    private final RoundDefinition round;
    private final RulesetFiles files;
    private final String version;
    private final Map<String, KieBase> kieBases;
    private final ParameterStore parameters;

    Ruleset(RoundDefinition round, RulesetFiles files, Map<String, KieBase> kieBases, ParameterStore parameters) {
        this.round = round;
        this.files = files;
        this.version = files.version();
        this.kieBases = Map.copyOf(kieBases);
        this.parameters = parameters;
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
        return kieBases.keySet();
    }

    KieBase kieBase(String decision) {
        KieBase kieBase = kieBases.get(decision);
        if (kieBase == null) {
            throw new UnknownDecisionException(round.code(), decision, decisions());
        }
        return kieBase;
    }
}
