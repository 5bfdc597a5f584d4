package org.grantline.api;

import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that waits on rows another transaction holds longer than H2's lock timeout (2 s) lost a race: 409
 * with a problem body, nothing kept, and the same request once the rows are free goes through. Before, the
 * timeout reached the client as a 500. Once in a grantline listener (the held-back tranche), once in the
 * engine's own flush (the process's execution rows).
 */
class LockedRowsApiIT extends GrantlineIT {

    private static final String APPLICANT = "demo-applicant";
    private static final String PLAN = Lifecycle.finalPlan("10000", "15000", "30000");

    @Autowired
    RunningApp app;
    @Autowired
    Lifecycle drive;
    @Autowired
    DataSource dataSource;

    @Test
    void aFinalPlanThatWaitsTooLongForItsHeldBackTrancheIsAConflictAndChangesNothing() throws Exception {
        String id = waitingForTheFinalPlan("locked-tranche");
        refusedWhileHeld(id, "select * from tranche where application_id = ? for update");
    }

    @Test
    void aFinalPlanThatWaitsTooLongForItsProcessIsAConflictAndChangesNothing() throws Exception {
        String id = waitingForTheFinalPlan("locked-execution");
        refusedWhileHeld(id, "select * from act_ru_execution where proc_inst_id_ = "
                + "(select proc_inst_id_ from act_ru_execution where business_key_ = ?) for update");
    }

    private void refusedWhileHeld(String id, String lockingQuery) throws SQLException {
        String path = "/api/applications/" + id + "/submissions/FINAL_PLAN";
        ApiClient.Response refused;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(lockingQuery)) {
                lock.setString(1, id);
                try (ResultSet held = lock.executeQuery()) {
                    assertThat(held.next()).as("rows to hold").isTrue();
                }
                refused = app.api.post(APPLICANT, path, PLAN);
            } finally {
                other.rollback();
            }
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("reload and retry");
        assertThat(app.count("select count(*) from submission where application_id = ? and type = 'FINAL_PLAN'", id))
                .as("the refused plan is not kept").isZero();
        assertThat(drive.decisions(id)).doesNotContain("final-plan");
        assertThat(drive.tranches(id)).as("the held-back tranche is still held back")
                .contains("GETTING_GOING 2 1000.00 WITHHELD");

        ApiClient.Response retried = app.api.post(APPLICANT, path, PLAN);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(drive.tranches(id)).contains("GETTING_GOING 2 1000.00 PAYABLE");
    }

    private String waitingForTheFinalPlan(String tag) {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson(tag), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-27");
        return id;
    }
}
