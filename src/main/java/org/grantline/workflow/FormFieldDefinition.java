package org.grantline.workflow;

import org.camunda.bpm.engine.form.FormField;

/**
 * A task form field as its diagram defines it ({@code camunda:formField}): what a task completion's values are
 * checked against, without the value the form would show.
 */
public record FormFieldDefinition(String id, String typeName, boolean required, boolean readOnly) {

    /** A field of a form as Camunda made it. */
    public static FormFieldDefinition of(FormField field) {
        return new FormFieldDefinition(field.getId(), field.getTypeName(), hasConstraint(field, "required"),
                hasConstraint(field, "readonly"));
    }

    /** Filled as the form is read ({@link LiveFormFields#isLive}). */
    public boolean isLive() {
        return LiveFormFields.isLive(id, readOnly);
    }

    private static boolean hasConstraint(FormField field, String name) {
        return field.getValidationConstraints().stream().anyMatch(c -> name.equals(c.getName()));
    }
}
