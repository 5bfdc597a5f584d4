package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/** What a caseworker entered cannot be accepted; names the field. Tasklist shows the message. */
public class TaskInputException extends ProcessEngineException {

    private final String field;

    public TaskInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
