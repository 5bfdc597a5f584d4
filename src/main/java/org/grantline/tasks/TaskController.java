package org.grantline.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Caseworker tasks through grantline's API: the same tasks and forms as Camunda Tasklist, completed through
 * {@link TaskCompletions}.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskService tasks;
    private final OpenTasks openTasks;
    private final TaskCompletions completions;

    TaskController(TaskService tasks, OpenTasks openTasks, TaskCompletions completions) {
        this.tasks = tasks;
        this.openTasks = openTasks;
        this.completions = completions;
    }

    @GetMapping
    List<OpenTask> list(@RequestParam(required = false) String applicationId,
                        @RequestParam(required = false) String key,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        TaskQuery query = tasks.createTaskQuery();
        if (applicationId != null) {
            query.processInstanceBusinessKey(applicationId);
        }
        if (key != null) {
            query.taskDefinitionKey(key);
        }
        return openTasks.list(query, page * size, size);
    }

    @GetMapping("/{id}")
    OpenTask get(@PathVariable String id) {
        return openTasks.view(completions.openTask(id));
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody TaskCompletionRequest request,
                                  Authentication user) {
        completions.complete(id, request.variables(), user.getName());
        return ResponseEntity.noContent().build();
    }
}
