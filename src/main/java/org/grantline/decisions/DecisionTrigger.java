package org.grantline.decisions;

/**
 * What caused a decision: a person (USER, with their user id) or the engine on its own (TIMER),
 * and where in the process it was taken.
 */
public record DecisionTrigger(String type, String triggeredBy, String processInstanceId, String activityId) {

    public static DecisionTrigger of(String userId, String processInstanceId, String activityId) {
        return userId == null
                ? new DecisionTrigger("TIMER", "job-executor", processInstanceId, activityId)
                : new DecisionTrigger("USER", userId, processInstanceId, activityId);
    }
}
