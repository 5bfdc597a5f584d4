package org.grantline.workflow;

import org.camunda.bpm.engine.RepositoryService;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form fields a task completion is checked against, read from each user task's XML as the diagram is deployed,
 * are those Camunda's model API reads from the same diagram: every user task of every deployed round.
 */
class FormFieldDefinitionsIT extends GrantlineIT {

    @Autowired
    RepositoryService repository;

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
