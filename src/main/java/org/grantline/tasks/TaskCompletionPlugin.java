package org.grantline.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.grantline.workflow.LiveFormFields;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every caseworker task completion (who, which task, when, the form values) in the same
 * transaction as the completion, whichever screen completed it: Tasklist, Camunda REST or grantline's API.
 */
@Component
class TaskCompletionPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskCompletionRepository> repository;

    TaskCompletionPlugin(ObjectProvider<TaskCompletionRepository> repository) {
        this.repository = repository;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, recorder());
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private TaskListener recorder() {
        return task -> repository.getObject().insert(task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), task.getName(),
                completedBy(task), ClockUtil.getCurrentTime().toInstant(), formValues(task));
    }

    private static String completedBy(DelegateTask task) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user != null ? user : task.getAssignee();
    }

    /**
     * The values of the task's own form fields, as the caseworker left them; those that grantline fills as the form
     * is read (the case brief, decision results: {@link LiveFormFields}) as the form shows them at completion.
     */
    private static Map<String, Object> formValues(DelegateTask task) {
        List<CamundaFormField> fields = new ArrayList<>();
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask != null && userTask.getExtensionElements() != null) {
            userTask.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list()
                    .forEach(form -> fields.addAll(form.getCamundaFormFields()));
        }
        Map<String, Object> live = task instanceof TaskEntity entity && fields.stream().anyMatch(LiveFormFields::isLive)
                ? LiveFormFields.shown(entity) : Map.of();
        Map<String, Object> values = new LinkedHashMap<>();
        for (CamundaFormField field : fields) {
            String id = field.getCamundaId();
            values.put(id, live.containsKey(id) ? live.get(id) : task.getVariable(id));
        }
        return values;
    }
}
