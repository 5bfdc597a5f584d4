package org.grantline.bench;

import org.grantline.milestones.SubmissionType;

import java.util.Map;

/** What the lifecycle script asks of whoever runs the OP-2014 process: grantline, or the bare engine. */
interface LifecycleSteps {

    /** A new application (its id, the process's business key). */
    String submit(String tag);

    void send(String id, SubmissionType type, String payloadJson);

    void complete(String id, String taskKey, Map<String, Object> values);

    void fireTimer(String id, String activityId);

    /** True when the application's process ended where the script leads (implementation followed up). */
    boolean completed(String id);
}
