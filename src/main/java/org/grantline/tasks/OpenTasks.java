package org.grantline.tasks;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.grantline.workflow.EngineCalls;
import org.grantline.workflow.FormFieldDefinition;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Open caseworker tasks, as grantline's API and case file show them. A task's application is its process
 * instance's business key (grantline starts every instance with the application id as the key).
 */
@Component
public class OpenTasks {

    private final TaskService tasks;
    private final FormService forms;
    private final RuntimeService runtime;
    private final EngineCalls engineCalls;
    private final String applicationTasksSql;

    private static final Set<DbEntityState> NEW_IN_COMMAND = EnumSet.of(DbEntityState.TRANSIENT,
            DbEntityState.DELETED_TRANSIENT);

    /** The order of {@link #page} and of {@link #ofApplication}'s query. */
    private static final Comparator<Task> LIST_ORDER = Comparator.comparingInt(Task::getPriority).reversed()
            .thenComparing(Task::getCreateTime).thenComparing(Task::getId);

    OpenTasks(TaskService tasks, FormService forms, RuntimeService runtime, ManagementService management,
              EngineCalls engineCalls) {
        this.tasks = tasks;
        this.forms = forms;
        this.runtime = runtime;
        this.engineCalls = engineCalls;
        this.applicationTasksSql = "select T.* from " + management.getTableName(Task.class) + " T join "
                + management.getTableName(Execution.class) + " E on E.ID_ = T.PROC_INST_ID_"
                + " where E.BUSINESS_KEY_ = #{applicationId} and T.SUSPENSION_STATE_ = 1"
                + " order by T.PRIORITY_ desc, T.CREATE_TIME_ asc, T.ID_ asc";
    }

    /**
     * The open tasks of one application, in the order of {@link #list}. One engine command, so that each task's
     * form reads the task and its variables from the command's cache; and a native query, because building the
     * generic task query's dynamic SQL costs more than running this one (every case file, every 201, reads it).
     * Without Camunda's authorization checks, which a native query would not apply to the list anyway: whoever
     * reads a case file has been let in by grantline's own access check.
     */
    public List<OpenTask> ofApplication(String applicationId) {
        return engineCalls.withoutAuthorization(() -> tasks.createNativeTaskQuery().sql(applicationTasksSql)
                .parameter("applicationId", applicationId).listPage(0, 100).stream()
                .map(task -> view(task, applicationId)).toList());
    }

    /**
     * The open tasks of the application whose process instance the current engine command started, in the order of
     * {@link #list}, taken from the command's entity cache: a new instance's tasks, executions and variables are
     * all there and none is in the database yet, so its forms are built without a query of the engine's (a form
     * with the case brief reads the application and its tranches, {@code TaskBrief}). Saves the 201 answer
     * reading back what the submission has just written (a tenth of a submission's time, docs/benchmarks.md,
     * fix 28). Tasks are the application's as {@link #ofApplication} counts them: of any instance whose business
     * key is the application's. Reads Camunda's internal entity cache; {@code OpenTasksIT} compares the result with
     * {@link #ofApplication}, and would catch a Camunda upgrade that changed it.
     */
    public List<OpenTask> ofStartedInstance(ProcessInstance instance) {
        CommandContext command = Context.getCommandContext();
        DbEntityCache cache = command == null ? null : command.getDbEntityManager().getDbEntityCache();
        CachedDbEntity started = cache == null ? null : cache.getCachedEntity(ExecutionEntity.class, instance.getId());
        // New in this command: transient, or deleted-transient if it also ended in it.
        if (started == null || !NEW_IN_COMMAND.contains(started.getEntityState())) {
            throw new IllegalStateException("the tasks of a new process instance are read in the command that started it");
        }
        String applicationId = instance.getBusinessKey();
        return cache.getEntitiesByType(TaskEntity.class).stream()
                .filter(task -> !cache.isDeleted(task) && !task.isSuspended())
                .filter(task -> task.getProcessInstance() != null
                        && Objects.equals(applicationId, task.getProcessInstance().getBusinessKey()))
                .sorted(LIST_ORDER)
                .map(task -> view(task, applicationId)).toList();
    }

    public List<OpenTask> list(TaskQuery query, int first, int max) {
        List<Task> page = page(query, first, max);
        Map<String, String> applications = applicationsOf(page);
        return page.stream().map(task -> view(task, applications.get(task.getProcessInstanceId()))).toList();
    }

    OpenTask view(Task task) {
        return view(task, applicationsOf(List.of(task)).get(task.getProcessInstanceId()));
    }

    private static List<Task> page(TaskQuery query, int first, int max) {
        // The id last, so that tasks created in the same millisecond keep one order from page to page.
        return query.active().orderByTaskPriority().desc().orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(first, max);
    }

    /** Process instance id to application id, in one query for the whole page. */
    private Map<String, String> applicationsOf(List<Task> page) {
        Set<String> instances = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> applications = new HashMap<>();
        runtime.createProcessInstanceQuery().processInstanceIds(instances).list()
                .forEach(instance -> applications.put(instance.getId(), instance.getBusinessKey()));
        return applications;
    }

    private OpenTask view(Task task, String applicationId) {
        List<OpenTask.Field> fields = forms.getTaskFormData(task.getId()).getFormFields().stream()
                .map(OpenTasks::field).toList();
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), applicationId,
                task.getProcessInstanceId(), task.getCreateTime(), task.getPriority(), task.getAssignee(), fields);
    }

    static OpenTask.Field field(FormField f) {
        FormFieldDefinition defined = FormFieldDefinition.of(f);
        return new OpenTask.Field(defined.id(), f.getLabel(), defined.typeName(), defined.required(),
                defined.readOnly(), f.getValue() == null ? null : f.getValue().getValue());
    }
}
