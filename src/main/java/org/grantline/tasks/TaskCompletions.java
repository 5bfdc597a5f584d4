package org.grantline.tasks;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.grantline.web.TextPolicy;
import org.grantline.workflow.EngineCalls;
import org.grantline.workflow.FormFieldDefinition;
import org.grantline.workflow.LiveFormFields;
import org.grantline.workflow.TaskInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A caseworker completing a task through grantline (what {@code POST /api/tasks/{id}/complete} runs): the values
 * are checked against the task's form (unknown, read-only, missing required, wrong type), then the form is
 * submitted as the caseworker, whose role grantline has checked; Camunda's authorizations guard Tasklist and
 * Camunda's REST API, not this ({@link EngineCalls}).
 */
@Service
public class TaskCompletions {

    private final TaskService tasks;
    private final FormService forms;
    private final HistoryService history;
    private final EngineCalls engine;
    private final TaskApplicationLock applicationLock;
    private final TransactionTemplate separately;

    TaskCompletions(TaskService tasks, FormService forms, HistoryService history, EngineCalls engine,
                    TaskApplicationLock applicationLock, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.forms = forms;
        this.history = history;
        this.engine = engine;
        this.applicationLock = applicationLock;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separately.setReadOnly(true);
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> values, String user) {
        // First, so that a change racing this one through the API has committed before the engine reads the task.
        applicationLock.lockFor(taskId);
        Attempt attempt;
        try {
            attempt = engine.asUser(user, () -> checkedAndSubmitted(taskId, values));
        } catch (RuntimeException e) {
            TaskInputException input = inputProblem(e);
            if (input != null) {
                throw ApiException.unprocessable(input.getMessage(),
                        List.of(new FieldProblem(input.field(), input.getMessage())));
            }
            // A completion that lost the race with a change that does not take the application's lock (Tasklist,
            // Camunda's REST API, a timer) can fail anywhere in the engine, not always with a conflict (the
            // loser's listener may meet the process half moved on; the engine itself may even throw a
            // NullPointerException). The task as committed says whether it lost: asked in a transaction of its
            // own, as this one may no longer run statements.
            try {
                separately.executeWithoutResult(status -> openTask(taskId));
            } catch (ApiException lost) {
                throw lost;
            } catch (RuntimeException unasked) {
                e.addSuppressed(unasked); // the engine's failure stays the answer
            }
            throw e;
        }
        if (!attempt.taskOpen()) {
            throw notOpen(taskId);
        }
        if (!attempt.problems().isEmpty()) {
            throw ApiException.unprocessable(attempt.problems().stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")), attempt.problems());
        }
    }

    /**
     * In the one engine command of {@link EngineCalls#asUser}, so that the task and its variables are read once
     * for the check and the submission. Refusals are returned, not thrown, as the engine logs every exception
     * that leaves a command as an error.
     */
    private Attempt checkedAndSubmitted(String taskId, Map<String, Object> values) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null) {
            return new Attempt(false, List.of());
        }
        if (task.getProcessInstanceId() == null) {
            // A task made in Tasklist, outside any application's process: not grantline's to complete.
            return new Attempt(true, List.of(new FieldProblem("id", "is not a task of an application's process")));
        }
        List<FieldProblem> problems = problemsAgainstForm(LiveFormFields.fieldsAsDefined(task), values);
        if (problems.isEmpty()) {
            forms.submitTaskForm(taskId, values);
        }
        return new Attempt(true, problems);
    }

    /** The task was open and, if the values had no problems, its form was submitted. */
    private record Attempt(boolean taskOpen, List<FieldProblem> problems) {
    }

    /** Camunda wraps what a task listener throws; the caseworker's mistake is somewhere in the causes. */
    private static TaskInputException inputProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskInputException input) {
                return input;
            }
        }
        return null;
    }

    /** The open task, or 409 if it was completed already, 404 if it never existed. */
    public Task openTask(String id) {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            throw notOpen(id);
        }
        return task;
    }

    private ApiException notOpen(String id) {
        if (history.createHistoricTaskInstanceQuery().taskId(id).count() > 0) {
            return ApiException.conflict("task " + id + " has already been completed");
        }
        return ApiException.notFound("task", id);
    }

    private static List<FieldProblem> problemsAgainstForm(List<FormFieldDefinition> fields, Map<String, Object> values) {
        Map<String, FormFieldDefinition> byId = fields.stream()
                .collect(Collectors.toMap(FormFieldDefinition::id, f -> f, (a, b) -> a, LinkedHashMap::new));
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            FormFieldDefinition field = byId.get(name);
            if (field == null) {
                problems.add(new FieldProblem("variables." + name, "not a field of this task's form; fields: "
                        + byId.keySet()));
            } else if (field.readOnly()) {
                problems.add(new FieldProblem("variables." + name, "is read-only"));
            } else if (value != null && !fitsType(field.typeName(), value)) {
                problems.add(new FieldProblem("variables." + name, "must be a " + field.typeName()));
            } else if (value instanceof String text && text.length() > 4000) {
                problems.add(new FieldProblem("variables." + name, "is longer than 4000 characters"));
            } else if (value instanceof String text && !TextPolicy.isFreeText(text)) {
                problems.add(new FieldProblem("variables." + name, TextPolicy.FREE_TEXT_RULE));
            }
        });
        for (FormFieldDefinition field : fields) {
            if (field.required() && values.get(field.id()) == null) {
                problems.add(new FieldProblem("variables." + field.id(), "is required"));
            }
        }
        return problems;
    }

    private static boolean fitsType(String type, Object value) {
        return switch (type) {
            case "boolean" -> value instanceof Boolean;
            case "long" -> value instanceof Integer || value instanceof Long;
            case "string", "enum", "date" -> value instanceof String;
            default -> false;
        };
    }
}
