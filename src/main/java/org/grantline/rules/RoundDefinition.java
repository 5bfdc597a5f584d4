package org.grantline.rules;

import java.util.List;

/**
 * A programme round as described by its round.yaml: code, display name, the BPMN process it runs, and the
 * steps of its funnel (how far applications got, for the dashboard and round simulations).
 */
public record RoundDefinition(String code, String name, String processKey, String programme, List<FunnelStep> funnel) {

    public RoundDefinition {
        funnel = List.copyOf(funnel);
    }

    /**
     * One step of the funnel: the applications that got this far. At most one criterion: holding an award of a
     * type, having sent a submission type, a decision with an outcome, or being at one of some stages; none
     * means every application of the round.
     */
    public record FunnelStep(String label, String award, String submission, String decision, String outcome,
                             List<String> stages) {

        public FunnelStep {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }
}
