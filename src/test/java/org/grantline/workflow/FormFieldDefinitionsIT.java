package org.grantline.workflow;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form fields a task completion is checked against, read from each user task's XML as the diagram is deployed,
 * are those Camunda's model API reads from the same diagram: every user task of every deployed round.
 */
class FormFieldDefinitionsIT extends GrantlineIT {

    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    TaskService tasks;
    @Autowired
    Lifecycle drive;

    /** What the check reads is what it read before fix 41: the fields of the form Camunda makes for the task. */
    @Test
    void theKeptFieldsAreThoseOfTheFormCamundaMakes() {
        Set<String> compared = new TreeSet<>();
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("fields"));
        compared.addAll(compareOpenTasks(id));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        Lifecycle.on("2014-03-01");
        drive.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY);
        drive.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
        Lifecycle.on("2014-04-15");
        drive.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING);
        compared.addAll(compareOpenTasks(id));
        drive.complete(id, "Task_ApproveGettingGoing", Map.of("approved", true, "approvedExtra", false));
        Lifecycle.on("2014-10-01");
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
        compared.addAll(compareOpenTasks(id));

        assertThat(compared).contains("Task_ReviewApplication", "Task_ApproveGettingGoing", "Task_ReviewOperationalPlan");
    }

    private List<String> compareOpenTasks(String applicationId) {
        List<String> keys = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(applicationId).list()) {
            ProcessDefinitionEntity deployed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                    .getDeployedProcessDefinition(task.getProcessDefinitionId());
            List<FormFieldDefinition> made = forms.getTaskFormData(task.getId()).getFormFields().stream()
                    .map(FormFieldDefinition::of).toList();
            assertThat(LiveForms.definedFields(deployed.getTaskDefinitions().get(task.getTaskDefinitionKey())
                    .getTaskFormHandler())).as(task.getTaskDefinitionKey()).isEqualTo(made);
            keys.add(task.getTaskDefinitionKey());
        }
        return keys;
    }

    @Test
    void everyUserTaskOfEveryRoundKeepsItsFieldsAsTheModelDefinesThem() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("OP-2014", "OP-2015", "FS-2015");
        int tasksWithFields = 0;
        for (ProcessDefinition definition : definitions) {
            ProcessDefinitionEntity deployed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository)
                    .getDeployedProcessDefinition(definition.getId());
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                TaskDefinition taskDefinition = deployed.getTaskDefinitions().get(task.getId());
                List<FormFieldDefinition> expected = fromModel(task);
                List<FormFieldDefinition> kept = LiveForms.definedFields(taskDefinition.getTaskFormHandler());
                if (expected.isEmpty()) {
                    assertThat(kept).as(definition.getKey() + " " + task.getId()).isNull();
                } else {
                    tasksWithFields++;
                    assertThat(kept).as(definition.getKey() + " " + task.getId()).isEqualTo(expected);
                }
            }
        }
        assertThat(tasksWithFields).as("user tasks with form fields in the rounds' diagrams").isGreaterThan(5);
    }

    private static List<FormFieldDefinition> fromModel(UserTask task) {
        CamundaFormData formData = task.getExtensionElements() == null ? null
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
                .findFirst().orElse(null);
        if (formData == null) {
            return List.of();
        }
        return formData.getCamundaFormFields().stream().map(field -> new FormFieldDefinition(field.getCamundaId(),
                field.getCamundaType(), hasConstraint(field, "required"), hasConstraint(field, "readonly"))).toList();
    }

    private static boolean hasConstraint(CamundaFormField field, String name) {
        return field.getCamundaValidation() != null && field.getCamundaValidation().getCamundaConstraints().stream()
                .map(CamundaConstraint::getCamundaName).anyMatch(name::equals);
    }
}
