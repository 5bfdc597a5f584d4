package org.grantline.casefile;

import org.grantline.decisions.ConditionStore;
import org.grantline.decisions.DecisionQueries;
import org.grantline.intake.ApplicationRow;
import org.grantline.milestones.SubmissionRepository;
import org.grantline.payments.PaymentLedger;
import org.grantline.tasks.OpenTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles an application's full state from the stores of each feature. */
@Component
public class CaseFile {

    private final PaymentLedger ledger;
    private final ConditionStore conditions;
    private final OpenTasks tasks;
    private final SubmissionRepository submissions;
    private final DecisionQueries decisions;

    CaseFile(PaymentLedger ledger, ConditionStore conditions, OpenTasks tasks, SubmissionRepository submissions,
             DecisionQueries decisions) {
        this.ledger = ledger;
        this.conditions = conditions;
        this.tasks = tasks;
        this.submissions = submissions;
        this.decisions = decisions;
    }

    /** In one transaction, so that its dozen queries share one pooled connection instead of queueing for each. */
    @Transactional
    public ApplicationState of(ApplicationRow app) {
        return new ApplicationState(app.id(), app.roundCode(), app.stage(), app.leadName(), app.leadType(),
                app.areaName(), app.areaDistrict(), app.submittedOn(), app.submittedBy(), app.processInstanceId(),
                ledger.awards(app.id()), ledger.tranches(app.id()), conditions.conditions(app.id()),
                conditions.flags(app.id()), tasks.ofApplication(app.id()),
                submissions.of(app.id()).stream().map(s -> new ApplicationState.Submission(s.type(),
                        s.submittedOn(), s.submittedAt(), s.submittedBy())).toList(),
                decisions.ofApplication(app.id(), false));
    }
}
