package org.grantline.workflow;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.repository.Deployment;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagrams deployed before the case brief was read with the form still call {@code ${taskBrief.fill(task)}} as
 * a task opens, and stored the brief as process variables: such an application, still running, must go on, and
 * lose the stale copy the next time one of its tasks opens.
 */
class TaskBriefOfEarlierDiagramsIT extends GrantlineIT {

    /** A task as the rounds' diagrams had them: a read-only brief field and the listener that wrote it. */
    private static final String EARLIER_DIAGRAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Earlier" targetNamespace="http://grantline.org/test">
              <bpmn:process id="EarlierBrief" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Review" />
                <bpmn:userTask id="Task_Review" name="Review" camunda:candidateGroups="caseworker">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="caseMoney" label="Awards and tranches" type="string">
                        <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="approved" label="Approve?" type="boolean" />
                    </camunda:formData>
                    <camunda:taskListener expression="${taskBrief.fill(task)}" event="create" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="End" />
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

    @Test
    void theBriefAnEarlierVersionStoredIsRemovedAndTheFormReadsItAsItIsNow() {
        Lifecycle.on("2014-02-10");
        String applicationId = drive.submit(Lifecycle.goodApplicationJson("earlier-diagram"));
        Deployment deployment = repository.createDeployment().name("earlier-brief-test")
                .addString("earlier-brief.bpmn", EARLIER_DIAGRAM).deploy();
        try {
            // as an earlier version left it: the brief stored when its first task opened
            String instance = runtime.startProcessInstanceByKey("EarlierBrief", applicationId,
                    Map.of("caseMoney", "stale", "caseApplicant", "stale", "priorityScore", 10L)).getId();

            assertThat(runtime.getVariables(instance)).as("the brief removed, other variables kept")
                    .doesNotContainKeys("caseMoney", "caseApplicant").containsEntry("priorityScore", 10L);
            String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            FormField money = forms.getTaskFormData(task).getFormFields().stream()
                    .filter(field -> field.getId().equals("caseMoney")).findFirst().orElseThrow();
            assertThat(money.getValue().getValue()).isEqualTo("nothing awarded yet");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
