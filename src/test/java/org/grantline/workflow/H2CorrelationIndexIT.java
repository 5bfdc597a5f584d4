package org.grantline.workflow;

import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message correlation on H2 reads the execution's own event subscription even when H2's statistics, taken
 * while one application was active, make the message name look like the better index (fix 13).
 */
class H2CorrelationIndexIT extends GrantlineIT {

    /** Camunda 7.24's query for the execution a message correlates to, by business key (Execution.xml). */
    static final String CORRELATION = "select distinct RES.* from ACT_RU_EXECUTION RES "
            + "inner join ACT_RU_EXECUTION INST on RES.PROC_INST_ID_ = INST.ID_ "
            + "inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_ "
            + "WHERE INST.BUSINESS_KEY_ = ? and RES.SUSPENSION_STATE_ = ? and exists (select ID_ from "
            + "ACT_RU_EVENT_SUBSCR EVT where EVT.EXECUTION_ID_ = RES.ID_ and EVT.EVENT_TYPE_ = ? and EVT.EVENT_NAME_ = ?)";

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void freshStatistics() {
        jdbc.execute("analyze table ACT_RU_EVENT_SUBSCR");
    }

    @Test
    void correlationReadsTheExecutionsSubscriptionWhateverTheStatistics() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("correlation-index"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        // What statistics of one active application say: every subscription its own execution's, names distinct.
        jdbc.execute("alter table ACT_RU_EVENT_SUBSCR alter column EXECUTION_ID_ selectivity 1");
        jdbc.execute("alter table ACT_RU_EVENT_SUBSCR alter column EVENT_NAME_ selectivity 100");

        String plan = jdbc.queryForObject("explain " + CORRELATION, String.class, id, 1, "message",
                "DEVELOPMENT_STRATEGY");

        assertThat(plan).contains(H2CorrelationIndex.INDEX + ":").doesNotContain("ACT_IDX_EVENT_SUBSCR_EVT_NAME");

        Lifecycle.on("2014-03-01");
        drive.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY); // a 409 if nothing correlated
        assertThat(jdbc.queryForObject("select count(*) from submission where application_id = ? and type = ?",
                Long.class, id, "DEVELOPMENT_STRATEGY")).isEqualTo(1);
    }
}
