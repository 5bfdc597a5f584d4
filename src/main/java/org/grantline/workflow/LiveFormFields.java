package org.grantline.workflow;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task form's read-only fields show that grantline works out as the form is read instead of storing it in
 * the process: the case brief ({@link TaskBrief}) and the application's decision results ({@link DecisionFields}).
 * Each would otherwise be a process variable, which costs every application rows in three of the engine's tables
 * (docs/benchmarks.md, fixes 38 and 39). Fields that are neither keep what the form handler gave them.
 */
@Component
public class LiveFormFields {

    private static final Logger log = LoggerFactory.getLogger(LiveFormFields.class);

    private final TaskBrief brief;
    private final DecisionFields decisions;

    LiveFormFields(TaskBrief brief, DecisionFields decisions) {
        this.brief = brief;
        this.decisions = decisions;
    }

    /** Values for those of these fields ({@link #isLive}) that are the brief or a decision result, by field id. */
    public Map<String, Object> of(String applicationId, Collection<String> liveFields) {
        if (applicationId == null || liveFields.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();
        if (liveFields.stream().anyMatch(TaskBrief.FIELDS::contains)) {
            values.putAll(brief.of(applicationId));
        }
        List<String> others = liveFields.stream().filter(field -> !TaskBrief.FIELDS.contains(field)).toList();
        if (!others.isEmpty()) {
            try {
                values.putAll(decisions.of(applicationId, others));
            } catch (RuntimeException e) {
                // as with the brief: the form and its completion go on without them
                log.warn("Could not read the decision results of application {} for a task form: {}", applicationId,
                        e.toString());
            }
        }
        values.keySet().retainAll(liveFields);
        return values;
    }

    /**
     * The task's form fields as its diagram defines them (ids, types, constraints; values from the task's variables),
     * without working out the live fields: for checking submitted values against the fields, which reads none of
     * the live ones (a task completion's check; its record reads them once, as they stand at completion). In an
     * engine command; a task outside any process has no form fields.
     */
    public static List<FormField> fieldsAsDefined(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getTaskFormHandler() == null) {
            return List.of();
        }
        return LiveForms.unwrapped(definition.getTaskFormHandler()).createTaskForm(task).getFormFields();
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
