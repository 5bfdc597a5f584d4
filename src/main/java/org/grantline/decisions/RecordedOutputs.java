package org.grantline.decisions;

import org.grantline.rules.DecisionResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outputs part of a decision record, the same shape when recording and when replaying. */
public final class RecordedOutputs {

    public static Map<String, Object> of(DecisionResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("outcome", result.outcome());
        outputs.put("failures", result.failures());
        outputs.put("values", result.values());
        outputs.put("scores", result.scores());
        outputs.put("awards", result.awards());
        outputs.put("tranches", result.tranches());
        outputs.put("releases", result.releases());
        outputs.put("conditions", result.conditions());
        outputs.put("flags", result.flags());
        return outputs;
    }

    private RecordedOutputs() {
    }
}
