package org.grantline.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision latency with JMH: grantline's Drools decisions against the same eligibility as a Camunda DMN table.
 * {@code -Dbench.jmh.forks=N} changes the forks (default: one per run; 0 runs JMH inside this JVM).
 */
class DecisionBenchmark {

    @Test
    void decisionLatency() throws Exception {
        DecisionLatency engines = new DecisionLatency();
        engines.setUp();
        int cases = DecisionEquivalence.check(engines);
        BenchSize size = BenchSize.current();
        int forks = Integer.getInteger("bench.jmh.forks", size == BenchSize.SMOKE ? 0 : BenchSize.runs());
        List<Figure> figures = DecisionLatencyRun.measure(size, BenchSize.runs(), forks);
        List<String> notes = new ArrayList<>(DecisionLatencyRun.notes(forks));
        notes.add("Checked first: DMN (both FEEL engines) and Drools agree on " + cases + " evaluations (good "
                + "application and one breaking each of E1–E5, on a day inside and outside the window, E7).");
        BenchReport.main().publish(DecisionLatencyRun.NAME, figures, notes);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).isPositive());
    }
}
