package org.grantline.audit;

import java.util.List;

/**
 * An application's history for auditors: every decision, task completion and tranche change in the order
 * they were committed, and the process engine's own history beside it: the steps of the application's process
 * instance, and of any instance before it that was cancelled and restarted ({@code processInstanceId} and
 * {@code processHistoryLink} are the current one's).
 */
public record Timeline(String applicationId, String processInstanceId, String processHistoryLink,
                       List<TimelineEntry> entries, List<ProcessStep> processHistory) {

    public record ProcessStep(String processInstanceId, String activityId, String activityName, String activityType,
                              String assignee, java.util.Date started, java.util.Date ended) {
    }
}
