package org.grantline.decisions;

import org.grantline.rules.DecisionResult;
import org.grantline.trail.CanonicalJson;
import org.grantline.trail.DecisionContent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link DecisionRecorder} builds before it writes: the record's inputs, outputs and fired rules as
 * canonical JSON and the trail entry's content, without the database. For the decision latency benchmark.
 */
public final class DecisionRecordContent {

    public static Map<String, Object> of(String applicationId, DecisionResult result, List<Object> facts,
                                         DecisionTrigger trigger, Instant at) {
        String id = UUID.randomUUID().toString();
        String inputs = CanonicalJson.write(DecisionRecorder.typed(facts));
        String outputs = CanonicalJson.write(RecordedOutputs.of(result));
        String fired = CanonicalJson.write(result.fired());
        return DecisionContent.of(id, applicationId, result.roundCode(), result.decision(), result.outcome(),
                result.rulesetVersion(), result.decisionDate(), inputs, outputs, fired, trigger.processInstanceId(),
                trigger.activityId(), trigger.type(), trigger.triggeredBy(), at);
    }

    private DecisionRecordContent() {
    }
}
