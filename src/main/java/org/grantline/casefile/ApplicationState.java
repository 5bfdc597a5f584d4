package org.grantline.casefile;

import org.grantline.decisions.DecisionView;
import org.grantline.payments.AwardRow;
import org.grantline.payments.TrancheRow;
import org.grantline.rules.facts.Condition;
import org.grantline.rules.facts.Flag;
import org.grantline.tasks.OpenTask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything about one application: where it stands, what it was awarded and paid, and why. */
public record ApplicationState(
        String id,
        String round,
        String stage,
        String leadName,
        String leadType,
        String areaName,
        String areaDistrict,
        LocalDate submittedOn,
        String submittedBy,
        String processInstanceId,
        List<AwardRow> awards,
        List<TrancheRow> tranches,
        List<Condition> conditions,
        List<Flag> flags,
        List<OpenTask> openTasks,
        List<Submission> submissions,
        List<DecisionView> decisions) {

    public record Submission(String type, LocalDate submittedOn, Instant submittedAt, String submittedBy) {
    }

    public record Summary(String id, String round, String stage, String leadName, String leadType, String areaName,
                          LocalDate submittedOn) {
    }
}
