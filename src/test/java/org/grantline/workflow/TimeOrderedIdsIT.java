package org.grantline.workflow;

import org.camunda.bpm.engine.TaskService;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Fix 22: the rows a submission makes, grantline's and Camunda's, carry time-ordered (version 7) ids. */
class TimeOrderedIdsIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubmissionsRowsTakeVersion7Ids() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("v7-ids"));
        String instance = drive.row(id).processInstanceId();
        List<String> ids = new ArrayList<>(List.of(id, instance,
                tasks.createTaskQuery().processInstanceId(instance).singleResult().getId()));
        ids.addAll(jdbc.sql("select id from decision_record where application_id = ?").param(id)
                .query(String.class).list());
        ids.addAll(jdbc.sql("select ID_ from ACT_HI_VARINST where PROC_INST_ID_ = ?").param(instance)
                .query(String.class).list());
        assertThat(ids).hasSizeGreaterThan(4)
                .allSatisfy(each -> assertThat(UUID.fromString(each).version()).as(each).isEqualTo(7));
    }
}
