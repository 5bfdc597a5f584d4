package org.grantline.bench;

import org.grantline.milestones.SubmissionType;
import org.grantline.tasks.TaskCompletions;
import org.grantline.workflow.Lifecycle;

import java.util.Map;

/**
 * The lifecycle through grantline's own services: intake, submissions, task forms as {@code POST
 * /api/tasks/{id}/complete} completes them, timers.
 */
final class GrantlineSteps implements LifecycleSteps {

    private final Lifecycle drive;
    private final TaskCompletions tasks;

    GrantlineSteps(Lifecycle drive, TaskCompletions tasks) {
        this.drive = drive;
        this.tasks = tasks;
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
        tasks.complete(drive.task(id, taskKey).getId(), values, Lifecycle.CASEWORKER);
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
