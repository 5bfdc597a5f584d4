package org.grantline.rules;

import org.grantline.parameters.ParameterStore;
import org.kie.api.KieBase;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A compiled, immutable version of one round's rules and parameters. */
public final class Ruleset {

    private final RoundDefinition round;
    private final RulesetFiles files;
    private final String version;
    private final Map<String, SessionPool> sessions;
    private final ParameterStore parameters;

    Ruleset(RoundDefinition round, RulesetFiles files, Map<String, KieBase> kieBases, ParameterStore parameters) {
        this.round = round;
        this.files = files;
        this.version = files.version();
        Map<String, SessionPool> pools = new HashMap<>();
        kieBases.forEach((decision, kieBase) -> pools.put(decision,
                SessionPool.forDecision(files.folderName(), decision, kieBase)));
        this.sessions = Map.copyOf(pools);
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
        return sessions.keySet();
    }

    SessionPool sessions(String decision) {
        SessionPool pool = sessions.get(decision);
        if (pool == null) {
            throw new UnknownDecisionException(round.code(), decision, decisions());
        }
        return pool;
    }
}
