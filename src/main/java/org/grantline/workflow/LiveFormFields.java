package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task form's read-only fields show that grantline works out as the form is read instead of storing it in
 * the process: the case brief ({@link TaskBrief}) and the application's decision results ({@link DecisionFields}).
 * Each would otherwise be a process variable, which costs every application rows in three of the engine's tables
 * (docs/benchmarks.md, fixes 38 and 39). {@link LiveForms} fills the fields from here.
 */
@Component
public class LiveFormFields {

    private final TaskBrief brief;
    private final DecisionFields decisions;
    private final DiagramNames diagrams;

    LiveFormFields(TaskBrief brief, DecisionFields decisions, DiagramNames diagrams) {
        this.brief = brief;
        this.decisions = decisions;
        this.diagrams = diagrams;
    }

    /**
     * Values, by field id, for those of these fields ({@link #isLive}) of the task's form that are the brief's or a
     * decision result's that the diagram names nowhere else. A result the diagram also names elsewhere (a condition,
     * an input mapping…) is a process variable, which {@link RuleTask} keeps and the diagram may change: the form
     * shows the variable, as the form handler gave it, and nothing is returned for it here.
     */
    Map<String, Object> of(DelegateTask task, Collection<String> liveFields) {
        DelegateExecution execution = task.getExecution();
        String applicationId = execution == null ? null : execution.getProcessBusinessKey();
        if (applicationId == null || liveFields.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();
        if (liveFields.stream().anyMatch(TaskBrief.FIELDS::contains)) {
            values.putAll(brief.of(applicationId));
        }
        List<String> results = liveFields.stream().filter(field -> !TaskBrief.FIELDS.contains(field))
                .filter(field -> !diagrams.names(execution, field)).toList();
        if (!results.isEmpty()) {
            values.putAll(decisions.of(applicationId, results));
        }
        values.keySet().retainAll(liveFields);
        return values;
    }

    /**
     * The live fields of the task's form as the form shows them now, each value as its field's type shows it, by
     * field id: for the task's completion record. Reads the form through its handler, as Tasklist does.
     */
    public static Map<String, Object> shown(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getTaskFormHandler() == null) {
            return Map.of();
        }
        Map<String, Object> shown = new HashMap<>();
        for (FormField field : definition.getTaskFormHandler().createTaskForm(task).getFormFields()) {
            if (FormFieldDefinition.of(field).isLive()) {
                shown.put(field.getId(), field.getValue() == null ? null : field.getValue().getValue());
            }
        }
        return shown;
    }

    /**
     * The task's form fields as its diagram defines them (ids, types, constraints), without the values a form would
     * show: a task completion's check (its record reads the form once, as it stands at completion). In an engine
     * command; a task outside any process has no form fields.
     */
    public static List<FormFieldDefinition> fieldsAsDefined(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getTaskFormHandler() == null) {
            return List.of();
        }
        List<FormFieldDefinition> defined = LiveForms.definedFields(definition.getTaskFormHandler());
        if (defined != null) {
            return defined;
        }
        return LiveForms.unwrapped(definition.getTaskFormHandler()).createTaskForm(task).getFormFields().stream()
                .map(FormFieldDefinition::of).toList();
    }

    /** Whether a form field is filled from here: a brief field, or any field with the {@code readonly} constraint. */
    public static boolean isLive(String fieldId, boolean readOnly) {
        return readOnly || TaskBrief.FIELDS.contains(fieldId);
    }

    public static boolean isLive(CamundaFormField field) {
        return isLive(field.getCamundaId(), isReadOnly(field));
    }

    /** A form field with the {@code readonly} constraint: Tasklist shows it and never submits it. */
    static boolean isReadOnly(CamundaFormField field) {
        return field.getCamundaValidation() != null && field.getCamundaValidation().getCamundaConstraints().stream()
                .map(CamundaConstraint::getCamundaName).anyMatch("readonly"::equals);
    }
}
