package org.grantline.bench;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle benchmark's peers run the whole lifecycle; the Camunda + DMN one decides and records each step. */
class BareEngineTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBareEngineRunsTheLifecycleWithoutDeciding() {
        try (BareEngine engine = engine(BareEngine.Rules.NO_OP)) {
            String id = LifecycleScript.drive(engine, "no-op");
            assertThat(engine.completed(id)).isTrue();
            assertThat(engine.decisionsOf(id)).isEmpty();
        }
    }

    @Test
    void withDmnEachRuleTaskEvaluatesTheTableAndCamundaRecordsItsInputsAndOutputs() {
        for (BareEngine.Rules rules : List.of(BareEngine.Rules.DMN, BareEngine.Rules.DMN_LEGACY_FEEL)) {
            try (BareEngine engine = engine(rules)) {
                String id = LifecycleScript.drive(engine, rules.name());
                assertThat(engine.completed(id)).as(rules.engineName).isTrue();
                List<HistoricDecisionInstance> decisions = engine.decisionsOf(id);
                assertThat(decisions).as("one per rule task on the lifecycle's path").hasSize(9)
                        .allSatisfy(decision -> {
                            assertThat(decision.getDecisionDefinitionKey()).isEqualTo(BareEngine.DMN_DECISION);
                            assertThat(decision.getInputs()).extracting(HistoricDecisionInputInstance::getValue)
                                    .hasSize(13).doesNotContainNull();
                            // The good application fails no clause: every row it matched is a score.
                            List<Object> kinds = decision.getOutputs().stream()
                                    .filter(o -> o.getVariableName().equals("kind"))
                                    .map(HistoricDecisionOutputInstance::getValue).toList();
                            assertThat(kinds).isNotEmpty().containsOnly("SCORE");
                        });
            }
        }
    }

    private static BareEngine engine(BareEngine.Rules rules) {
        return BareEngine.on("jdbc:h2:mem:bare-" + rules.name() + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
                + FreshH2.DEFAULT_OPTIONS, "org.h2.Driver", "sa", Path.of("bpmn/OP-2014.bpmn"), rules);
    }
}
