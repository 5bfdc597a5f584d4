package org.grantline.tasks;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.grantline.web.ApiException;
import org.grantline.workflow.EngineCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A completion that lost the race with another caseworker's can fail in the engine with anything, not only a
 * conflict: when the task is gone by then, the answer is 409, not 500. An engine failure on a task that is still
 * open stays a failure.
 */
class LostCompletionRaceTest {

    private final TaskService tasks = mock(TaskService.class);
    private final FormService forms = mock(FormService.class);
    private final EngineCalls engine = mock(EngineCalls.class);
    private final TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
    private final HistoryService history = mock(HistoryService.class);
    private final HistoricTaskInstanceQuery historic = mock(HistoricTaskInstanceQuery.class, RETURNS_SELF);
    private final TaskApplicationLock applicationLock = mock(TaskApplicationLock.class);
    private final TaskCompletions completions = new TaskCompletions(tasks, forms, history, engine, applicationLock,
            mock(PlatformTransactionManager.class));

    @BeforeEach
    void anOpenTaskWhoseCompletionFails() {
        when(tasks.createTaskQuery()).thenReturn(query);
        when(history.createHistoricTaskInstanceQuery()).thenReturn(historic);
        when(historic.count()).thenReturn(1L);
        when(engine.asUser(anyString(), any(Supplier.class)))
                .thenThrow(new ProcessEngineException("listener failed", new NullPointerException("scope is null")));
    }

    @Test
    void theTaskGoneMeansTheRaceWasLost() {
        when(query.singleResult()).thenReturn(null);
        assertThatThrownBy(this::complete).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void theTaskStillOpenMeansTheEngineFailed() {
        when(query.singleResult()).thenReturn(mock(Task.class));
        assertThatThrownBy(this::complete).isInstanceOf(ProcessEngineException.class)
                .hasMessage("listener failed");
    }

    @Test
    void theEngineTrippingOverTheProcessHalfMovedOnIsALostRaceToo() {
        when(engine.asUser(anyString(), any(Supplier.class)))
                .thenThrow(new NullPointerException("getExecutions() is null"));
        when(query.singleResult()).thenReturn(null);
        assertThatThrownBy(this::complete).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aQuestionThatCannotBeAskedLeavesTheEngineFailureAsTheAnswer() {
        when(query.singleResult()).thenThrow(new IllegalStateException("no connection left"));
        assertThatThrownBy(this::complete).isInstanceOfSatisfying(ProcessEngineException.class, e -> {
            assertThat(e).hasMessage("listener failed");
            assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("no connection left");
        });
    }

    @Test
    void theApplicationIsHeldBeforeTheEngineReadsTheTask() {
        when(query.singleResult()).thenReturn(null);
        assertThatThrownBy(this::complete).isInstanceOf(ApiException.class);
        InOrder order = inOrder(applicationLock, engine);
        order.verify(applicationLock).lockFor("T-1");
        order.verify(engine).asUser(anyString(), any(Supplier.class));
    }

    private void complete() {
        completions.complete("T-1", Map.of(), "cw");
    }
}
