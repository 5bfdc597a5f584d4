package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the case brief's fields ({@link TaskBrief#FIELDS}) of a user task's form as the form is read: Tasklist,
 * Camunda REST's form variables and grantline's open tasks all read forms through the task's form handler, which
 * this wraps for every user task whose {@code camunda:formData} has such a field. Submitting a form is left as it
 * is: the fields are read-only, so nothing is written.
 */
@Component
class CaseBriefForms extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskBrief> brief;

    CaseBriefForms(ObjectProvider<TaskBrief> brief) {
        this.brief = brief;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (hasBriefField(element)) {
                    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                            .getTaskDefinition();
                    definition.setTaskFormHandler(new BriefedForm(definition.getTaskFormHandler()));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static boolean hasBriefField(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element formData = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData");
        return formData != null && formData.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formField").stream()
                .anyMatch(field -> TaskBrief.FIELDS.contains(field.attribute("id")));
    }

    /** The task's own form, with the brief's fields given the application's brief as it is now. */
    private final class BriefedForm implements TaskFormHandler {

        private final TaskFormHandler form;

        BriefedForm(TaskFormHandler form) {
            this.form = form;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData data = form.createTaskForm(task);
            Map<String, String> values = null;
            for (FormField field : data.getFormFields()) {
                if (TaskBrief.FIELDS.contains(field.getId()) && field instanceof FormFieldImpl briefField) {
                    if (values == null) {
                        values = brief.getObject().of(task);
                    }
                    String value = values.get(field.getId());
                    if (value != null) {
                        briefField.setValue(Variables.stringValue(value));
                    }
                }
            }
            return data;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            form.submitFormVariables(properties, variableScope);
        }
    }
}
