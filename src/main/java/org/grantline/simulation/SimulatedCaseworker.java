package org.grantline.simulation;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.grantline.security.Roles;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completes caseworker tasks as Tasklist would, signed in as a caseworker, with the script's decision: a place
 * offered, Getting Going approved, the plan signed off. Other tasks (following up match funding) are done.
 */
@Component
class SimulatedCaseworker {

    static final String USER = "simulation";

    private final FormService forms;
    private final IdentityService identity;

    SimulatedCaseworker(FormService forms, IdentityService identity) {
        this.forms = forms;
        this.identity = identity;
    }

    void complete(Task task, Script script) {
        Set<String> fields = forms.getTaskFormData(task.getId()).getFormFields().stream().map(FormField::getId)
                .collect(Collectors.toSet());
        boolean approve = switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewApplication" -> script.selected();
            case "Task_ApproveGettingGoing" -> script.gettingGoingApproved();
            case "Task_ReviewOperationalPlan" -> script.signedOff();
            default -> true;
        };
        Map<String, Object> values = new HashMap<>();
        if (fields.contains("approved")) {
            values.put("approved", approve);
        }
        if (fields.contains("approvedExtra")) {
            values.put("approvedExtra", false);
        }
        if (fields.contains("justification") && approve) {
            values.put("justification", "Signed off in a round simulation");
        }
        identity.setAuthentication(USER, List.of(Roles.CASEWORKER));
        try {
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
