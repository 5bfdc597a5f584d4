package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.payments.PaymentLedger;
import org.grantline.payments.TrancheRow;
import org.grantline.trail.StoredJson;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ${taskBrief.fill(task)}} on a caseworker task's creation: what the caseworker needs to decide, as
 * read-only fields of the task's form in Tasklist (applicant, area, partners, themes, money held). One line
 * each: Tasklist shows them in text inputs.
 */
@Component("taskBrief")
public class TaskBrief {

    private final ApplicationRepository applications;
    private final PaymentLedger ledger;

    TaskBrief(ApplicationRepository applications, PaymentLedger ledger) {
        this.applications = applications;
        this.ledger = ledger;
    }

    public void fill(DelegateTask task) {
        ApplicationRow app = applications.get(task.getExecution().getProcessBusinessKey());
        ApplicationRequest request = StoredJson.read(app.payload(), ApplicationRequest.class);
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("caseApplicant", request.lead().name() + " (" + request.lead().type()
                + (request.lead().annualTurnover() == null ? "" : ", turnover £" + request.lead().annualTurnover().toPlainString())
                + ")");
        brief.put("caseArea", request.area().name() + ", " + request.area().district()
                + (Boolean.TRUE.equals(request.area().inEngland()) ? "" : " (not in England)"));
        brief.put("casePartners", request.partners().isEmpty() ? "none named" : request.partners().stream()
                .map(p -> p.name() + " (" + p.type() + (Boolean.TRUE.equals(p.trackRecord()) ? ", track record" : "") + ")")
                .collect(Collectors.joining("; ")));
        brief.put("caseThemes", String.join(", ", request.themes()));
        List<TrancheRow> tranches = ledger.tranches(app.id());
        brief.put("caseMoney", tranches.isEmpty() ? "nothing awarded yet" : tranches.stream()
                .map(t -> t.awardType() + " " + t.number() + ": £" + t.amount().toPlainString() + " " + t.status())
                .collect(Collectors.joining("; ")));
        // On the process, not the task: Tasklist's generated forms read the execution's variables only.
        // Only what changed since the last task: an unchanged value would add an update and a history row.
        DelegateExecution execution = task.getExecution();
        brief.forEach((name, value) -> {
            if (!value.equals(execution.getVariable(name))) {
                execution.setVariable(name, value);
            }
        });
    }
}
