package org.grantline.milestones;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.web.ApiException;
import org.grantline.workflow.EngineCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A message delivered as a timer or a task moves the process on may fail anywhere in the engine (the subscription
 * gone, the execution tree half moved on). When the process no longer waits for the message, that is a lost race
 * (409); when it still does, or that cannot be asked, the failure is the engine's and stays one.
 */
class LostSubmissionRaceTest {

    private static final ApplicationRow APP = new ApplicationRow("A-1", "OP-2014", "Lead", "CHARITY", "Area",
            "District", "OPERATIONAL_PLAN", "P-1", LocalDate.of(2014, 2, 10), Instant.EPOCH, "applicant", "{}");

    private final RuntimeService runtime = mock(RuntimeService.class);
    private final EngineCalls engine = mock(EngineCalls.class);
    private final ExecutionQuery waiting = mock(ExecutionQuery.class, RETURNS_SELF);
    private final ApplicationRepository applications = mock(ApplicationRepository.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final SubmissionService service = new SubmissionService(null, applications, null, null, null, runtime,
            engine, null, null, null, null, transactions);

    @BeforeEach
    void theEngineFailsToTriggerTheMessage() {
        when(engine.asUser(anyString(), any(Supplier.class))).thenThrow(new ProcessEngineException(
                "Execution with id 'E-1' does not have a subscription to a message event with name 'WITHDRAWAL'"));
        when(engine.withoutAuthorization(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(runtime.createExecutionQuery()).thenReturn(waiting);
    }

    @Test
    void theProcessNoLongerWaitingMeansTheRaceWasLost() {
        when(waiting.count()).thenReturn(0L);
        assertThatThrownBy(this::withdraw).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessage()).contains("moved on while WITHDRAWAL was being delivered");
        });
        verify(waiting).processInstanceBusinessKey("A-1");
        verify(waiting).messageEventSubscriptionName("WITHDRAWAL");
        verify(applications).lockForChange("A-1");
        verify(transactions).getTransaction(argThat(asked -> asked != null
                && asked.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW
                && asked.isReadOnly()));
    }

    @Test
    void aQuestionThatCannotBeAskedLeavesTheEngineFailureAsTheAnswer() {
        when(runtime.createExecutionQuery()).thenThrow(new IllegalStateException("no connection left"));
        assertThatThrownBy(this::withdraw).isInstanceOfSatisfying(ProcessEngineException.class, e -> {
            assertThat(e).hasMessageContaining("does not have a subscription");
            assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("no connection left");
        });
    }

    @Test
    void aProcessNotWaitingIsAnsweredWithTheStageAsItIsNow() {
        doAnswer(call -> call.<Supplier<?>>getArgument(1).get()).when(engine).asUser(anyString(), any(Supplier.class));
        MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
        when(runtime.createMessageCorrelation("WITHDRAWAL")).thenReturn(correlation);
        when(correlation.correlateWithResult()).thenThrow(new MismatchingMessageCorrelationException("WITHDRAWAL"));
        when(applications.find("A-1")).thenReturn(Optional.of(new ApplicationRow("A-1", "OP-2014", "Lead",
                "CHARITY", "Area", "District", "IMPLEMENTATION", "P-1", LocalDate.of(2014, 2, 10), Instant.EPOCH,
                "applicant", "{}")));
        assertThatThrownBy(this::withdraw).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessage()).startsWith("application is at stage IMPLEMENTATION and can no longer");
        });
        verify(runtime, never()).createExecutionQuery();
    }

    @Test
    void theProcessStillWaitingMeansTheEngineFailed() {
        when(waiting.count()).thenReturn(1L);
        assertThatThrownBy(this::withdraw).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("does not have a subscription");
    }

    /** Seen under load: the loser's trigger met the execution tree half moved on. */
    @Test
    void anyFailureOfTheTriggerIsALostRaceWhenTheProcessHasMovedOn() {
        when(engine.asUser(anyString(), any(Supplier.class)))
                .thenThrow(new NullPointerException("PvmExecutionImpl.getExecutions() is null"));
        when(waiting.count()).thenReturn(0L);
        assertThatThrownBy(this::withdraw).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    private void withdraw() {
        service.withdraw(APP, "no longer needed", "applicant");
    }
}
