package org.grantline.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${escalations.escalate(execution, 'Task_ReviewOperationalPlan')}}: an overdue task goes to the top
 * of every caseworker's list (highest priority) and is marked as escalated.
 */
@Component("escalations")
public class Escalations {

    static final int ESCALATED_PRIORITY = 100;
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    public void escalate(DelegateExecution execution, String taskKey) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
            tasks.setVariableLocal(task.getId(), "escalated", true);
            log.warn("Task {} ({}) of application {} is overdue and escalated", task.getName(), task.getId(),
                    execution.getProcessBusinessKey());
        }
    }
}
