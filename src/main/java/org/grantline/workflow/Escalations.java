package org.grantline.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

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
        for (TaskEntity task : openTasks(execution.getProcessInstanceId(), taskKey)) {
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
            tasks.setVariableLocal(task.getId(), "escalated", true);
            log.warn("Task {} ({}) of application {} is overdue and escalated", task.getName(), task.getId(),
                    execution.getProcessBusinessKey());
        }
    }

    /**
     * The instance's open tasks with this key, read by the instance's id in the running command: a plain select,
     * where a task query has MyBatis build its SQL from Camunda's largest mapping each time (docs/benchmarks.md,
     * fix 44).
     */
    private static List<TaskEntity> openTasks(String processInstanceId, String taskKey) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("an escalation runs in the engine command of its process step");
        }
        return command.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                .filter(task -> taskKey.equals(task.getTaskDefinitionKey()))
                .toList();
    }
}
