package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.payments.PaymentLedger;
import org.grantline.payments.TrancheRow;
import org.grantline.trail.StoredJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case brief: what a caseworker needs to decide (applicant, area, partners, themes, money held), shown in a
 * task form's read-only fields of these names ({@link #FIELDS}), one line each as Tasklist shows them in text
 * inputs, in {@code camunda:formData} string fields with the {@code readonly} constraint (a field that is not
 * read-only would be submitted as a variable). Read from the application and the ledger whenever a form is read
 * ({@link LiveForms}), so it is as current as the form, and never stored in the process: five variables
 * would cost every application rows in three of the engine's tables (docs/benchmarks.md, fix 38).
 */
@Component("taskBrief")
public class TaskBrief {

    public static final Set<String> FIELDS = Set.of("caseApplicant", "caseArea", "casePartners", "caseThemes",
            "caseMoney");

    private static final Logger log = LoggerFactory.getLogger(TaskBrief.class);

    private final ApplicationRepository applications;
    private final PaymentLedger ledger;

    TaskBrief(ApplicationRepository applications, PaymentLedger ledger) {
        this.applications = applications;
        this.ledger = ledger;
    }

    /**
     * The brief of the application with this id, by field name; empty if there is no such application; without the
     * fields made from its stored request if that cannot be read (logged): a task's form and its completion go on.
     */
    public Map<String, String> of(String applicationId) {
        if (applicationId == null) {
            return Map.of();
        }
        return applications.find(applicationId).map(this::of).orElse(Map.of());
    }

    private Map<String, String> of(ApplicationRow app) {
        Map<String, String> brief = new LinkedHashMap<>();
        try {
            brief.putAll(fromRequest(StoredJson.read(app.payload(), ApplicationRequest.class)));
        } catch (RuntimeException e) {
            // only the stored text: a failed query is not caught, as it may have ended the transaction
            log.warn("Could not make the case brief of application {} from its stored request: {}", app.id(),
                    e.toString());
        }
        List<TrancheRow> tranches = ledger.tranches(app.id());
        brief.put("caseMoney", tranches.isEmpty() ? "nothing awarded yet" : tranches.stream()
                .map(t -> t.awardType() + " " + t.number() + ": £" + t.amount().toPlainString() + " " + t.status())
                .collect(Collectors.joining("; ")));
        return brief;
    }

    /** The fields made from the application as it was submitted. */
    private static Map<String, String> fromRequest(ApplicationRequest request) {
        Map<String, String> brief = new LinkedHashMap<>();
        brief.put("caseApplicant", request.lead().name() + " (" + request.lead().type()
                + (request.lead().annualTurnover() == null ? "" : ", turnover £" + request.lead().annualTurnover().toPlainString())
                + ")");
        brief.put("caseArea", request.area().name() + ", " + request.area().district()
                + (Boolean.TRUE.equals(request.area().inEngland()) ? "" : " (not in England)"));
        brief.put("casePartners", request.partners().isEmpty() ? "none named" : request.partners().stream()
                .map(p -> p.name() + " (" + p.type() + (Boolean.TRUE.equals(p.trackRecord()) ? ", track record" : "") + ")")
                .collect(Collectors.joining("; ")));
        brief.put("caseThemes", String.join(", ", request.themes()));
        return brief;
    }

    /**
     * {@code ${taskBrief.fill(task)}}: diagrams deployed before the brief was read with the form call it as a task
     * opens, and their applications may still be running. It removes the brief those versions stored in the
     * process, which would otherwise stay there, stale, for Cockpit to show.
     */
    public void fill(DelegateTask task) {
        task.getExecution().removeVariables(FIELDS);
    }
}
