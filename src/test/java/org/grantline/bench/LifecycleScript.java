package org.grantline.bench;

import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.Lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * One OP-2014 application through the whole lifecycle, the same for grantline and the bare engine: every
 * user task on the way completed (review, Getting Going approval, plan review, match-funding follow-up) and
 * both timers on the way forced (plan review overdue, the 12-month match-funding check, which finds the
 * commitment unpaid), up to the CBA outturn and completion. Business dates move as in the real round.
 */
final class LifecycleScript {

    /** What happens to an application on one business day of the round, after its submission. */
    record Phase(String date, BiConsumer<LifecycleSteps, String> step) {
    }

    static final String SUBMITTED_ON = "2014-02-10";

    static final List<Phase> PHASES = List.of(
            new Phase(SUBMITTED_ON, (steps, id) -> steps.complete(id, "Task_ReviewApplication", Map.of("approved", true))),
            new Phase("2014-03-01", (steps, id) -> {
                steps.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY);
                steps.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
            }),
            new Phase("2014-04-15", (steps, id) -> {
                steps.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING);
                steps.complete(id, "Task_ApproveGettingGoing", Map.of("approved", true, "approvedExtra", false));
            }),
            new Phase("2014-10-01", (steps, id) -> steps.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN)),
            new Phase("2015-02-20", (steps, id) -> {
                steps.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
                steps.fireTimer(id, "Boundary_ReviewOverdue");
            }),
            new Phase("2015-03-10", (steps, id) -> steps.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true))),
            new Phase("2015-04-01", (steps, id) -> steps.send(id, SubmissionType.MATCH_FUNDING_COMMITMENTS,
                    Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "20000"))),
            new Phase("2016-03-11", (steps, id) -> {
                steps.fireTimer(id, "Timer_MatchFundingCheck");
                steps.complete(id, "Task_FollowUpMatchFunding", Map.of("followUpNote", "Chased the council"));
                steps.send(id, SubmissionType.OUTTURN, Lifecycle.outturn("1", "1", "1"));
            }));

    static String drive(LifecycleSteps steps, String tag) {
        Lifecycle.on(SUBMITTED_ON);
        String id = steps.submit(tag);
        for (Phase phase : PHASES) {
            Lifecycle.on(phase.date());
            phase.step().accept(steps, id);
        }
        return id;
    }

    /** Seconds to drive {@code count} applications one after another; then checks every one ended COMPLETED. */
    static double timed(LifecycleSteps steps, int count, String tag) {
        return timedWithCpu(steps, count, tag).seconds();
    }

    /**
     * Wall time of a pass, and the CPU time the driving thread (the calling thread) spent in it: not the time
     * it waited for a core, nor the work of other threads (H2's writer, the JIT, the collector, grantline's
     * scheduled refreshes; on PostgreSQL the whole database server). NaN where the JVM does not measure it.
     */
    record Timing(double seconds, double driverCpuSeconds) {
        Timing plus(Timing other) {
            return new Timing(seconds + other.seconds, driverCpuSeconds + other.driverCpuSeconds);
        }
    }

    static Timing timedWithCpu(LifecycleSteps steps, int count, String tag) {
        List<String> ids = new ArrayList<>(count);
        double cpuBefore = DriverCpu.seconds();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(drive(steps, tag + "-" + i));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = DriverCpu.seconds() - cpuBefore;
        checkCompleted(steps, ids);
        return new Timing(seconds, cpuSeconds);
    }

    /**
     * Seconds for a round as it really runs: {@code count} applications submitted on the same day, then each
     * day's step taken for all of them before the business clock moves on (one clock for the whole engine),
     * by {@code workers} threads at once, as applicants and caseworkers work side by side.
     */
    static double timedAsOneRound(LifecycleSteps steps, int count, int workers, String tag) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long started = System.nanoTime();
            Lifecycle.on(SUBMITTED_ON);
            String[] ids = new String[count];
            inParallel(pool, count, i -> ids[i] = steps.submit(tag + "-" + i));
            for (Phase phase : PHASES) {
                Lifecycle.on(phase.date());
                inParallel(pool, count, i -> phase.step().accept(steps, ids[i]));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            checkCompleted(steps, List.of(ids));
            return seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void inParallel(ExecutorService pool, int count, IntConsumer work) {
        List<Future<?>> done = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            done.add(pool.submit(() -> work.accept(index)));
        }
        for (Future<?> future : done) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while driving the round", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a step of the round failed", e.getCause());
            }
        }
    }

    private static void checkCompleted(LifecycleSteps steps, List<String> ids) {
        long unfinished = ids.stream().filter(id -> !steps.completed(id)).count();
        if (unfinished > 0) {
            throw new IllegalStateException(unfinished + " of " + ids.size() + " applications did not reach their end state");
        }
    }

    private LifecycleScript() {
    }
}
