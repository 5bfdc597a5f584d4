package org.grantline.decisions;

import org.grantline.clock.BusinessClock;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.RoundPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a decision is taken under the award lock: every decision that books awards must have read its facts
 * after taking the lock, and one expected to book (its kind booked the last time) takes it before reading, so
 * it is not taken twice.
 */
class ApplicationDecisionsTest {

    private static final ApplicationRow APP = new ApplicationRow("A-1", "OP-2014", "Lead", "VCS_BODY", "Area",
            "District", "REVIEW", "P-1", LocalDate.of(2014, 2, 10), Instant.parse("2014-02-10T09:00:00Z"),
            "applicant", "{}");
    private static final DecisionTrigger TRIGGER = DecisionTrigger.of("caseworker", "P-1", "Task_Review");

    private final ApplicationRepository applications = mock(ApplicationRepository.class);
    private final FactsAssembler assembler = mock(FactsAssembler.class);
    private final DecisionEngine engine = mock(DecisionEngine.class);
    private final DecisionRecorder recorder = mock(DecisionRecorder.class);
    private final PaymentLedger ledger = mock(PaymentLedger.class);
    private final ApplicationDecisions decisions = new ApplicationDecisions(applications, assembler, engine,
            recorder, ledger, mock(ConditionStore.class), new BusinessClock("2014-03-01T10:00"));

    @BeforeEach
    void oneApplication() {
        when(applications.get("A-1")).thenReturn(APP);
        when(assembler.factsFor(any())).thenReturn(List.of());
        when(ledger.position(anyString())).thenReturn(new RoundPosition(0, Map.of(), BigDecimal.ZERO, Map.of()));
        when(recorder.record(anyString(), any(), anyList(), any(), any())).thenReturn("D-1");
    }

    @Test
    void theFirstDecisionThatBooksIsTakenAgainUnderTheLock() {
        books("getting-ready", true);
        decisions.decide("A-1", "getting-ready", TRIGGER);

        InOrder order = inOrder(assembler, engine, ledger, recorder);
        order.verify(assembler).factsFor(APP);
        order.verify(engine).decide(eq("OP-2014"), eq("getting-ready"), any(), anyList());
        order.verify(ledger).lockForAwards();
        order.verify(assembler).factsFor(APP);
        order.verify(ledger).position("OP-2014");
        order.verify(engine).decide(eq("OP-2014"), eq("getting-ready"), any(), anyList());
        order.verify(recorder).record(anyString(), any(), anyList(), any(), any());
        order.verify(ledger).recordAwards(anyString(), anyString(), anyString(), anyString(), anyList(), anyList(),
                any());
    }

    @Test
    void aKindThatBookedLastTimeTakesTheLockBeforeItReadsAndDecidesOnce() {
        books("getting-ready", true);
        decisions.decide("A-1", "getting-ready", TRIGGER);
        clearInvocations(assembler, engine, ledger);

        decisions.decide("A-1", "getting-ready", TRIGGER);

        InOrder order = inOrder(assembler, engine, ledger);
        order.verify(ledger).lockForAwards();
        order.verify(assembler).factsFor(APP);
        order.verify(ledger).position("OP-2014");
        order.verify(engine).decide(eq("OP-2014"), eq("getting-ready"), any(), anyList());
        verify(assembler, times(1)).factsFor(APP);
        verify(ledger, times(1)).lockForAwards();
    }

    @Test
    void anExpectedKindThatBooksNothingUnderTheLockStandsAndIsNoLongerExpected() {
        books("getting-ready", true);
        decisions.decide("A-1", "getting-ready", TRIGGER);
        books("getting-ready", false);
        clearInvocations(assembler, engine, ledger, recorder);

        decisions.decide("A-1", "getting-ready", TRIGGER);

        verify(ledger, times(1)).lockForAwards();
        verify(engine, times(1)).decide(eq("OP-2014"), eq("getting-ready"), any(), anyList());
        verify(recorder).record(eq("A-1"), any(), anyList(), any(), any());
        verify(ledger).recordAwards(anyString(), anyString(), anyString(), anyString(), eq(List.of()), anyList(),
                any());
    }

    @Test
    void aKindWhoseLatestDecisionBookedNothingIsNotLockedFirst() {
        books("getting-ready", true);
        decisions.decide("A-1", "getting-ready", TRIGGER);
        books("getting-ready", false);
        decisions.decide("A-1", "getting-ready", TRIGGER);
        clearInvocations(assembler, engine, ledger);

        decisions.decide("A-1", "getting-ready", TRIGGER);

        verify(ledger, never()).lockForAwards();
        verify(assembler, times(1)).factsFor(APP);
    }

    @Test
    void theExpectationIsKeptPerRoundAndDecision() {
        books("getting-ready", true);
        decisions.decide("A-1", "getting-ready", TRIGGER);
        books("eligibility", false);
        ApplicationRow otherRound = new ApplicationRow("B-1", "OP-2015", "Lead", "VCS_BODY", "Area", "District",
                "REVIEW", "P-2", APP.submittedOn(), APP.submittedAt(), "applicant", "{}");
        when(applications.get("B-1")).thenReturn(otherRound);
        when(engine.decide(eq("OP-2015"), eq("getting-ready"), any(), anyList())).thenReturn(result("OP-2015",
                "getting-ready", false));
        clearInvocations(ledger);

        decisions.decide("A-1", "eligibility", TRIGGER);
        decisions.decide("B-1", "getting-ready", TRIGGER);

        verify(ledger, never()).lockForAwards();
    }

    private void books(String decision, boolean award) {
        when(engine.decide(eq("OP-2014"), eq(decision), any(), anyList())).thenReturn(result("OP-2014", decision, award));
    }

    private static DecisionResult result(String round, String decision, boolean award) {
        List<Award> awards = award ? List.of(new Award("GETTING_READY", new BigDecimal("3000.00"), "A1")) : List.of();
        return new DecisionResult(round, decision, "v1", LocalDate.of(2014, 3, 1), award ? "AWARDED" : "NOT_AWARDED",
                List.of(), List.of(), Map.of(), List.of(), awards, List.of(), List.of(), List.of(), List.of());
    }
}
