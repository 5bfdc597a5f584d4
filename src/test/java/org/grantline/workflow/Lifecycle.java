package org.grantline.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationRow;
import org.grantline.intake.ApplicationService;
import org.grantline.milestones.SubmissionService;
import org.grantline.milestones.SubmissionType;
import org.grantline.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives applications through the real OP-2014 process in tests: submits through the same services the
 * API uses, completes tasks through Camunda's form service as Tasklist does, and fires timers.
 */
@Component
public class Lifecycle {

    public static final String CASEWORKER = "demo-caseworker";
    public static final String APPLICANT = "demo-applicant";

    private final ApplicationService intake;
    private final SubmissionService submissions;
    private final ApplicationRepository applications;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    Lifecycle(ApplicationService intake, SubmissionService submissions, ApplicationRepository applications,
              RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management,
              IdentityService identity, ObjectMapper json, JdbcClient jdbc) {
        this.intake = intake;
        this.submissions = submissions;
        this.applications = applications;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.identity = identity;
        this.json = json;
        this.jdbc = jdbc;
    }

    public static void on(String isoDate) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(isoDate).atTime(10, 0).atZone(BusinessClock.ZONE).toInstant()));
    }

    /** A complete, eligible OP-2014 application; unique lead and area so tests do not meet each other. */
    public static String goodApplicationJson(String tag) {
        String unique = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        return """
                {"round": "OP-2014",
                 "lead": {"name": "Lead %1$s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": true},
                 "area": {"name": "Area %1$s", "district": "District %1$s", "inEngland": true},
                 "partners": [{"name": "Council %1$s", "type": "LOCAL_AUTHORITY", "trackRecord": true}],
                 "themes": ["HEALTH_AND_WELLBEING", "OLDER_PEOPLE"],
                 "proposal": {"specificIntervention": true, "needEvidenced": true, "buildsOnPriorActivity": false}}
                """.formatted(unique);
    }

    public String submit(String applicationJson) {
        try {
            return intake.submit(json.readValue(applicationJson, ApplicationRequest.class), APPLICANT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void send(String applicationId, SubmissionType type, String payloadJson) {
        try {
            JsonNode body = json.readTree(payloadJson);
            submissions.submit(row(applicationId), type, body, APPLICANT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void withdraw(String applicationId) {
        submissions.withdraw(row(applicationId), "test withdrawal", APPLICANT);
    }

    /** Application accepted, documents in, Getting Going applied for and approved. */
    public String throughGettingGoing(String applicationJson, String gettingGoingJson, boolean approveExtra) {
        on("2014-02-10");
        String id = submit(applicationJson);
        complete(id, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(stage(id)).isEqualTo("GETTING_READY");
        on("2014-03-01");
        send(id, SubmissionType.DEVELOPMENT_STRATEGY, STRATEGY);
        send(id, SubmissionType.LOGIC_MODEL, LOGIC_MODEL);
        on("2014-04-15");
        send(id, SubmissionType.GETTING_GOING_APPLICATION, gettingGoingJson);
        complete(id, "Task_ApproveGettingGoing", Map.of("approved", true, "approvedExtra", approveExtra));
        assertThat(stage(id)).isEqualTo("OPERATIONAL_PLAN");
        return id;
    }

    /** Completes the one open task with this key, as a caseworker in Tasklist would. */
    public void complete(String applicationId, String taskKey, Map<String, Object> values) {
        Task task = task(applicationId, taskKey);
        // Signed in as Tasklist signs a caseworker in: the caseworkers' Camunda authorizations must allow it.
        identity.setAuthentication(CASEWORKER, List.of(Roles.CASEWORKER));
        try {
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    public Task task(String applicationId, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationId).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task " + taskKey + " of " + applicationId).isNotNull();
        return task;
    }

    /** Fires the timer waiting at the given activity, as the job executor would when it falls due. */
    public void fireTimer(String applicationId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance(applicationId).getId())
                .activityId(activityId).timers().singleResult();
        assertThat(job).as("timer at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    public ProcessInstance instance(String applicationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).singleResult();
    }

    public ApplicationRow row(String applicationId) {
        return applications.get(applicationId);
    }

    public String stage(String applicationId) {
        return row(applicationId).stage();
    }

    /** The application's tranches as "AWARD_TYPE number amount STATUS". */
    public List<String> tranches(String applicationId) {
        return jdbc.sql("select award_type, number, amount, status from tranche where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getBigDecimal(3).toPlainString()
                        + " " + rs.getString(4)).list();
    }

    /** The names of the decisions recorded for the application, in order. */
    public List<String> decisions(String applicationId) {
        return jdbc.sql("select decision from decision_record where application_id = ? order by seq")
                .param(applicationId).query(String.class).list();
    }

    /** The recorded outputs (JSON) of the application's decision of this name. */
    public String outputsOf(String applicationId, String decision) {
        return jdbc.sql("select outputs from decision_record where application_id = ? and decision = ?")
                .params(applicationId, decision).query(String.class).single();
    }

    // Payloads for each milestone.

    public static final String STRATEGY = "{\"title\": \"Development strategy\", \"summary\": \"How we get ready\"}";
    public static final String LOGIC_MODEL = "{\"title\": \"Logic model\"}";
    public static final String GETTING_GOING = "{}";
    public static final String DRAFT_PLAN = "{\"sections\": [\"ISSUES_AND_RATIONALE\", \"PROPOSALS\"]}";

    public static String gettingGoingWithExtra(String kind, String amount, String arrangements) {
        return """
                {"extraFunding": {"kind": "%s", "amount": %s, "budgetArrangements": [%s],
                  "statutoryBudgetHolder": "County Council", "newServiceModel": true}}""".formatted(kind, amount, arrangements);
    }

    /**
     * A complete final plan whose CBA appraises to exactly these present values: costs and benefits all fall in
     * year 0 (not discounted) with confidence grade 1 (no optimism bias); £1,000 each of economic and social value.
     */
    public static String finalPlan(String costs, String fiscalBenefits, String firstYearBudget) {
        return """
                {"sections": ["ISSUES_AND_RATIONALE", "PROPOSALS", "BUSINESS_CASE", "LOGIC_MODEL", "GOVERNANCE_AND_ACCOUNTABILITY"],
                 "firstYearBudget": %s,
                 "cba": {"outcomes": [%s, %s, %s],
                         "costs": [{"year": 0, "capital": 0, "revenue": %s, "inKind": 0}]}}
                """.formatted(firstYearBudget, yearZeroOutcome("Fiscal savings", fiscalBenefits, "FISCAL"),
                yearZeroOutcome("Economic value", "1000", "ECONOMIC"), yearZeroOutcome("Social value", "1000", "SOCIAL"),
                costs);
    }

    private static String yearZeroOutcome(String name, String value, String type) {
        return """
                {"name": "%s", "cohort": 1, "engagementRate": 1, "successRate": 1, "deadweight": 0,
                 "unitValue": %s, "type": "%s", "agency": "County Council", "source": "test figure",
                 "firstYear": 0, "years": 1, "confidenceGrade": 1}""".formatted(name, value, type);
    }

    /** The outturn of {@link #finalPlan}'s CBA: each outcome achieved the share given (1 = as forecast). */
    public static String outturn(String fiscal, String economic, String social) {
        return """
                {"outcomes": [{"name": "Fiscal savings", "achieved": %s}, {"name": "Economic value", "achieved": %s},
                              {"name": "Social value", "achieved": %s}]}""".formatted(fiscal, economic, social);
    }

    public static String commitments(String provider, String type, String amount) {
        return """
                {"commitments": [{"provider": "%s", "providerType": "%s", "amount": %s, "inKind": false}]}
                """.formatted(provider, type, amount);
    }

    public static String payment(String provider, String amount, String paidOn) {
        return "{\"provider\": \"%s\", \"amount\": %s, \"paidOn\": \"%s\"}".formatted(provider, amount, paidOn);
    }
}
