package org.grantline.workflow;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.grantline.GrantlineIT;
import org.grantline.decisions.ApplicationDecisions;
import org.grantline.decisions.DecisionTrigger;
import org.grantline.tasks.TaskCompletions;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A task form's read-only fields named after decision results show the application's latest decision, read from
 * its records as the form is read, unless the diagram names the result elsewhere: then it is a process variable
 * (which a diagram may set or change) and the form shows the variable. The completion record keeps what the form
 * showed.
 */
class LiveFormFieldsIT extends GrantlineIT {

    /** A review whose gateway reads priorityScore; the outcome and summary appear only in read-only fields. */
    private static final String DIAGRAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Live" targetNamespace="http://grantline.org/test">
              <bpmn:process id="LiveFields" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Look" />
                <bpmn:userTask id="Task_Look" name="Look" camunda:candidateGroups="caseworker">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="caseApplicant" label="Applicant" type="string">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="caseMoney" label="Money" type="string">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="eligibilityOutcome" label="Outcome" type="string">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="eligibilitySummary" label="Reasons" type="string">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="priorityScore" label="Score" type="long">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="note" label="Note" type="string" />
                    </camunda:formData>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Look" targetRef="Gateway" />
                <bpmn:exclusiveGateway id="Gateway" default="Flow_Low" />
                <bpmn:sequenceFlow id="Flow_High" sourceRef="Gateway" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${priorityScore >= 50}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Low" sourceRef="Gateway" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    Lifecycle drive;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    ApplicationDecisions decisions;
    @Autowired
    TaskCompletions completions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readOnlyResultFieldsShowTheLatestDecisionAndAVariableTheDiagramNamesElsewhereWins() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("live-fields"));
        Deployment deployment = repository.createDeployment().name("live-fields-test")
                .addString("live-fields.bpmn", DIAGRAM).deploy();
        try {
            String instance = runtime.startProcessInstanceByKey("LiveFields", id, Map.of("priorityScore", 99L)).getId();
            String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

            Map<String, Object> form = forms.getTaskFormVariables(task);
            assertThat(form.get("caseApplicant")).isEqualTo(drive.row(id).leadName() + " (VCS_BODY)");
            assertThat(form.get("eligibilityOutcome")).isEqualTo("ELIGIBLE");
            assertThat((String) form.get("eligibilitySummary")).startsWith("Eligibility: eligible. | Priority score 10:");
            assertThat(form.get("priorityScore")).as("its gateway names it: the variable, not the record's 10")
                    .isEqualTo(99L);
            assertThat(runtime.getVariables(instance)).containsOnlyKeys("priorityScore");

            // the same decision taken again on changed facts (need no longer evidenced: S4's 2 points gone)
            jdbc.sql("update application set payload = replace(payload, '\"needEvidenced\":true', "
                    + "'\"needEvidenced\":false') where id = ?").param(id).update();
            new TransactionTemplate(transactions).executeWithoutResult(status -> decisions.decide(id, "eligibility",
                    DecisionTrigger.of(Lifecycle.CASEWORKER, null, null)));
            assertThat((String) forms.getTaskFormVariables(task).get("eligibilitySummary"))
                    .as("the latest decision").startsWith("Eligibility: eligible. | Priority score 8:");

            completions.complete(task, Map.of("note", "seen"), Lifecycle.CASEWORKER);
            assertThat(jdbc.sql("select variables from task_completion where task_id = ?").param(task)
                    .query(String.class).single())
                    .as("the record keeps what the form showed")
                    .contains("\"eligibilityOutcome\":\"ELIGIBLE\"", "\"priorityScore\":99", "\"note\":\"seen\"")
                    .contains("\"eligibilitySummary\":\"Eligibility: eligible. | Priority score 8:");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aStoredRequestThatNoLongerReadsLeavesItsBriefFieldsEmptyAndTheFormStillOpens() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("live-fields-unreadable"));
        Deployment deployment = repository.createDeployment().name("live-fields-unreadable-test")
                .addString("live-fields.bpmn", DIAGRAM).deploy();
        try {
            String instance = runtime.startProcessInstanceByKey("LiveFields", id, Map.of("priorityScore", 1L)).getId();
            String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            String payload = drive.row(id).payload();
            jdbc.sql("update application set payload = '{\"lead\": 1}' where id = ?").param(id).update();
            try {
                Map<String, Object> form = forms.getTaskFormVariables(task);
                assertThat(form.get("caseApplicant")).isNull();
                assertThat(form.get("caseMoney")).as("from the ledger, not the request").isEqualTo("nothing awarded yet");
                assertThat(form.get("eligibilityOutcome")).as("the rest of the form as before").isEqualTo("ELIGIBLE");
            } finally {
                jdbc.sql("update application set payload = ? where id = ?").params(payload, id).update();
            }
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aTaskOutsideAnyProcessIsNotGrantlinesToComplete() {
        Task standalone = tasks.newTask();
        standalone.setName("made in Tasklist");
        tasks.saveTask(standalone);
        try {
            ApiException refused = catchThrowableOfType(ApiException.class,
                    () -> completions.complete(standalone.getId(), Map.of(), Lifecycle.CASEWORKER));

            assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.fields()).extracting(FieldProblem::field).containsExactly("id");
            assertThat(tasks.createTaskQuery().taskId(standalone.getId()).count()).as("still open").isEqualTo(1);
        } finally {
            tasks.deleteTask(standalone.getId(), true);
        }
    }
}
