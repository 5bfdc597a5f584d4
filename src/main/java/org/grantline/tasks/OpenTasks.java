package org.grantline.tasks;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import java.util.List;

/** Open caseworker tasks, as grantline's API and case file show them. */
@Component
public class OpenTasks {

    private final TaskService tasks;
    private final FormService forms;

    OpenTasks(TaskService tasks, FormService forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    public List<OpenTask> ofApplication(String applicationId) {
        return list(tasks.createTaskQuery().processInstanceBusinessKey(applicationId), 0, 100);
    }

    public List<OpenTask> list(TaskQuery query, int first, int max) {
        return query.active().orderByTaskPriority().desc().orderByTaskCreateTime().asc().listPage(first, max)
                .stream().map(this::view).toList();
    }

    OpenTask view(Task task) {
        List<OpenTask.Field> fields = forms.getTaskFormData(task.getId()).getFormFields().stream()
                .map(OpenTasks::field).toList();
        String applicationId = (String) tasks.getVariable(task.getId(), "applicationId");
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), applicationId,
                task.getProcessInstanceId(), task.getCreateTime(), task.getPriority(), task.getAssignee(), fields);
    }

    static OpenTask.Field field(FormField f) {
        boolean required = f.getValidationConstraints().stream().anyMatch(c -> c.getName().equals("required"));
        boolean readonly = f.getValidationConstraints().stream().anyMatch(c -> c.getName().equals("readonly"));
        return new OpenTask.Field(f.getId(), f.getLabel(), f.getTypeName(), required, readonly,
                f.getValue() == null ? null : f.getValue().getValue());
    }
}
