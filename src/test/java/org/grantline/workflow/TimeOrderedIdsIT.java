package org.grantline.workflow;

import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Fix 22: the rows grantline makes for an application, and its decisions, carry time-ordered (version 7) ids. */
class TimeOrderedIdsIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicationAndItsDecisionsTakeVersion7Ids() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("v7-ids"));
        List<String> ids = new ArrayList<>(List.of(id));
        ids.addAll(jdbc.sql("select id from decision_record where application_id = ?").param(id)
                .query(String.class).list());
        assertThat(ids).hasSizeGreaterThan(1)
                .allSatisfy(each -> assertThat(UUID.fromString(each).version()).as(each).isEqualTo(7));
    }
}
