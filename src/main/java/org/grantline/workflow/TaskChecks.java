package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Checks on what a caseworker enters, run when a task is completed (from Tasklist or the API), so the
 * same rule holds whichever screen is used. Values the rules produced decide when a check applies.
 */
@Component("taskChecks")
public class TaskChecks {

    /** A rule value (the final plan's, P4) that this check reads, though no diagram names it. */
    static final String JUSTIFICATION_REQUIRED = "justificationRequired";

    /** P4: a plan flagged for a CBA ratio below 1 is signed off only with a recorded justification. */
    public void signOff(DelegateTask task) {
        boolean approving = Boolean.TRUE.equals(task.getVariable("approved"));
        boolean justificationRequired = Boolean.TRUE.equals(task.getVariable(JUSTIFICATION_REQUIRED));
        Object justification = task.getVariable("justification");
        if (approving && justificationRequired && (justification == null || justification.toString().isBlank())) {
            throw new TaskInputException("justification",
                    "a justification is required to sign off a plan whose CBA fiscal ratio is below 1 (P4)");
        }
    }
}
