package org.grantline.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DecisionLatency} with JMH (sample time, microseconds, one thread) and turns each fork's median
 * and 99th percentile into figures: one fork is one run. With forks 0 (in smoke size) it is one run in this JVM.
 */
final class DecisionLatencyRun {

    static final String NAME = "Decision latency (JMH)";

    static List<Figure> measure(BenchSize size, int runs, int forks) throws RunnerException {
        boolean smoke = size == BenchSize.SMOKE;
        Options options = new OptionsBuilder()
                .include(DecisionLatency.class.getName() + "\\.")
                .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS).threads(1)
                .warmupIterations(smoke ? 1 : 5).warmupTime(smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .measurementIterations(smoke ? 1 : 5)
                .measurementTime(smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .forks(forks).jvmArgs("-Xmx256m", "-Duser.timezone=UTC")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, List<Double>> medians = new LinkedHashMap<>();
        Map<String, List<Double>> p99s = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(DecisionLatency.class.getName().length() + 1);
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                medians.computeIfAbsent(method, m -> new ArrayList<>()).add(fork.getPrimaryResult().getStatistics().getPercentile(50));
                p99s.computeIfAbsent(method, m -> new ArrayList<>()).add(fork.getPrimaryResult().getStatistics().getPercentile(99));
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (String method : medians.keySet()) {
            String what = LABELS.getOrDefault(method, method);
            figures.add(Figure.of(NAME, what + ", median", "µs", medians.get(method)));
            Figure p99 = Figure.of(NAME, what + ", p99", "µs", p99s.get(method));
            figures.add(method.endsWith("WithRecord") ? p99.goal("< 1 ms", 1000, false) : p99);
        }
        figures.add(ratio("DMN (FEEL) / Drools, eligibility median", medians, "eligibilityDmnFeel"));
        figures.add(ratio("DMN (legacy FEEL) / Drools, eligibility median", medians, "eligibilityDmnLegacyFeel"));
        return figures;
    }

    private static Figure ratio(String metric, Map<String, List<Double>> medians, String dmn) {
        List<Double> drools = medians.get("eligibilityRulesOnly");
        List<Double> table = medians.get(dmn);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(drools.size(), table.size()); i++) {
            ratios.add(table.get(i) / drools.get(i));
        }
        return Figure.of(NAME, metric, "ratio", ratios).goal("≥ 1", 1, true);
    }

    static final Map<String, String> LABELS = Map.of(
            "eligibilityWithRecord", "eligibility (Drools) with its decision record",
            "gettingReadyAwardWithRecord", "Getting Ready award (Drools) with its decision record",
            "eligibilityRulesOnly", "eligibility (Drools), rules only",
            "eligibilityDmnFeel", "eligibility as a DMN table, FEEL (Scala) engine",
            "eligibilityDmnLegacyFeel", "eligibility as a DMN table, legacy Java FEEL");

    static List<String> notes(int forks) {
        return List.of(
                "What: one OP-2014 decision per call, warm, one thread, JMH Mode.SampleTime in microseconds; "
                        + (forks == 0 ? "forks 0 (in the test JVM: one run)" : forks + " forks of a fresh JVM "
                        + "(-Xmx256m; the forks find the test classpath through surefire's manifest jar), one fork = one run")
                        + "; 5 warm-up and 5 measured iterations of 1 s per fork (smoke: 1 × 0.2 s each).",
                "Drools: the compiled OP-2014 ruleset (RulesetCompiler on rules/OP-2014, as grantline runs it) through "
                        + "DecisionEngine.decide: a reused KieSession (rules.SessionPool), the parameters in force, "
                        + "the facts of a good application; 'with its decision record' adds what DecisionRecorder "
                        + "builds before it writes (inputs, outputs and fired rules as canonical JSON, the trail "
                        + "entry's content), not the database write.",
                "DMN: the same eligibility logic (E1–E5, E7, E8 and the score S1–S6 of eligibility.drl; E6 and E9 "
                        + "are intake rules) as one decision table, hit policy COLLECT (src/test/resources/bench/"
                        + "op-2014-eligibility.dmn), on DmnEngineConfiguration.createDefaultDmnEngineConfiguration()"
                        + ".buildEngine(), and with enableFeelLegacyBehavior(true); each call derives the table's "
                        + "inputs from the same facts and the verdict from its rows. Both give the same outcome, "
                        + "failed clauses and score on the cases DecisionBenchmark checks.",
                "Ratio: DMN median / Drools rules-only median of the same run (≥ 1: Drools is at least as fast).");
    }

    private DecisionLatencyRun() {
    }
}
