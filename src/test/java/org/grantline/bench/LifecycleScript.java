package org.grantline.bench;

import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.Lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One OP-2014 application through the whole lifecycle, the same for grantline and the bare engine: every
 * user task on the way completed (review, Getting Going approval, plan review, match-funding follow-up) and
 * both timers on the way forced (plan review overdue, the 12-month match-funding check, which finds the
 * commitment unpaid), up to the CBA outturn and completion. Business dates move as in the real round.
 */
final class LifecycleScript {

    static String drive(LifecycleSteps steps, String tag) {
        Lifecycle.on("2014-02-10");
        String id = steps.submit(tag);
        steps.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        Lifecycle.on("2014-03-01");
        steps.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY);
        steps.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
        Lifecycle.on("2014-04-15");
        steps.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING);
        steps.complete(id, "Task_ApproveGettingGoing", Map.of("approved", true, "approvedExtra", false));
        Lifecycle.on("2014-10-01");
        steps.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        steps.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
        steps.fireTimer(id, "Boundary_ReviewOverdue");
        Lifecycle.on("2015-03-10");
        steps.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        Lifecycle.on("2015-04-01");
        steps.send(id, SubmissionType.MATCH_FUNDING_COMMITMENTS,
                Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "20000"));
        Lifecycle.on("2016-03-11");
        steps.fireTimer(id, "Timer_MatchFundingCheck");
        steps.complete(id, "Task_FollowUpMatchFunding", Map.of("followUpNote", "Chased the council"));
        steps.send(id, SubmissionType.OUTTURN, Lifecycle.outturn("1", "1", "1"));
        return id;
    }

    /** Seconds to drive {@code count} applications one after another; then checks every one ended COMPLETED. */
    static double timed(LifecycleSteps steps, int count, String tag) {
        List<String> ids = new ArrayList<>(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(drive(steps, tag + "-" + i));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long unfinished = ids.stream().filter(id -> !steps.completed(id)).count();
        if (unfinished > 0) {
            throw new IllegalStateException(unfinished + " of " + count + " applications did not reach their end state");
        }
        return seconds;
    }

    private LifecycleScript() {
    }
}
