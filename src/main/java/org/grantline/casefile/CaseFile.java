package org.grantline.casefile;

import org.grantline.decisions.ConditionStore;
import org.grantline.decisions.DecisionQueries;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.intake.ApplicationService;
import org.grantline.milestones.SubmissionRepository;
import org.grantline.payments.PaymentLedger;
import org.grantline.tasks.OpenTask;
import org.grantline.tasks.OpenTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Assembles an application's full state from the stores of each feature. */
@Component
public class CaseFile {

    private final PaymentLedger ledger;
    private final ConditionStore conditions;
    private final OpenTasks tasks;
    private final SubmissionRepository submissions;
    private final DecisionQueries decisions;
    private final ApplicationService intake;
    private final ApplicationRepository applications;

    CaseFile(PaymentLedger ledger, ConditionStore conditions, OpenTasks tasks, SubmissionRepository submissions,
             DecisionQueries decisions, ApplicationService intake, ApplicationRepository applications) {
        this.ledger = ledger;
        this.conditions = conditions;
        this.tasks = tasks;
        this.submissions = submissions;
        this.decisions = decisions;
        this.intake = intake;
        this.applications = applications;
    }

    /** In one transaction, so that its dozen queries share one pooled connection instead of queueing for each. */
    @Transactional
    public ApplicationState of(ApplicationRow app) {
        return of(app, tasks.ofApplication(app.id()));
    }

    /**
     * Submits an application and answers with its case file, in the submission's transaction. The open tasks are
     * taken in the engine command that started the process, from what it created, instead of being read back.
     */
    @Transactional
    public ApplicationState submit(ApplicationRequest request, String user) {
        var started = intake.submit(request, user, tasks::ofStartedInstance);
        return of(applications.get(started.applicationId()), started.atStart());
    }

    private ApplicationState of(ApplicationRow app, List<OpenTask> openTasks) {
        return new ApplicationState(app.id(), app.roundCode(), app.stage(), app.leadName(), app.leadType(),
                app.areaName(), app.areaDistrict(), app.submittedOn(), app.submittedBy(), app.processInstanceId(),
                ledger.awards(app.id()), ledger.tranches(app.id()), conditions.conditions(app.id()),
                conditions.flags(app.id()), openTasks,
                submissions.of(app.id()).stream().map(s -> new ApplicationState.Submission(s.type(),
                        s.submittedOn(), s.submittedAt(), s.submittedBy())).toList(),
                decisions.ofApplication(app.id(), false));
    }
}
