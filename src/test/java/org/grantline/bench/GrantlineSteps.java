package org.grantline.bench;

import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.Lifecycle;

import java.util.Map;

/** The lifecycle through grantline's own services: intake, submissions, Tasklist-style task forms, timers. */
final class GrantlineSteps implements LifecycleSteps {

    private final Lifecycle drive;

    GrantlineSteps(Lifecycle drive) {
        this.drive = drive;
    }

    @Override
    public String submit(String tag) {
        return drive.submit(Lifecycle.goodApplicationJson(tag));
    }

    @Override
    public void send(String id, SubmissionType type, String payloadJson) {
        drive.send(id, type, payloadJson);
    }

    @Override
    public void complete(String id, String taskKey, Map<String, Object> values) {
        drive.complete(id, taskKey, values);
    }

    @Override
    public void fireTimer(String id, String activityId) {
        drive.fireTimer(id, activityId);
    }

    @Override
    public boolean completed(String id) {
        return "COMPLETED".equals(drive.stage(id));
    }
}
