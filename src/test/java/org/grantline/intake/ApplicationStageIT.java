package org.grantline.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.grantline.GrantlineIT;
import org.grantline.audit.Timeline;
import org.grantline.audit.Timelines;
import org.grantline.database.TimeOrderedIds;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage column is written only when the stage changes (every process enters SUBMITTED, its stage at insert),
 * and the first change fills in the process instance; only a stage entered by another instance (a restart)
 * replaces it.
 */
class ApplicationStageIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Timelines timelines;

    @Test
    void aStageIsWrittenOnlyWhenItChanges() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("stage-write"));
        String instance = drive.instance(id).getId();
        assertThat(drive.stage(id)).isEqualTo("REVIEW");

        assertThat(applications.setStage(id, "REVIEW", instance)).as("same stage").isFalse();
        assertThat(drive.stage(id)).isEqualTo("REVIEW");
        assertThat(applications.setStage(id, "GETTING_READY", instance)).as("new stage").isTrue();
        assertThat(drive.stage(id)).isEqualTo("GETTING_READY");
        assertThat(applications.setStage("no-such-application", "REVIEW", instance)).isFalse();
        assertThat(applications.setStage(id, "REVIEW", instance)).as("back to where its process waits").isTrue();
    }

    @Test
    void theSubmissionStoresItsProcessInstanceAndOnlyAStageEnteredByAnotherInstanceReplacesIt() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("instance-write"));
        String instance = drive.instance(id).getId();
        assertThat(drive.row(id).processInstanceId()).isEqualTo(instance);

        applications.setProcessInstance(id, "another-instance");
        assertThat(drive.row(id).processInstanceId()).as("filled in only where empty").isEqualTo(instance);
        assertThat(applications.setStage(id, "REVIEW", instance)).as("same stage, same instance").isFalse();
        assertThat(applications.setStage(id, "REVIEW", "another-instance")).as("same stage, another instance").isTrue();
        assertThat(drive.row(id).processInstanceId()).isEqualTo("another-instance");
        assertThat(drive.stage(id)).isEqualTo("REVIEW");
        assertThat(applications.setStage(id, "REVIEW", instance)).as("back to the instance that runs").isTrue();
        assertThat(drive.row(id).processInstanceId()).isEqualTo(instance);
    }

    /** Camunda's REST API (and Cockpit's Enterprise edition) restarts a cancelled instance with its business key. */
    @Test
    void aCancelledProcessRestartedTakesTheApplicationAndItsTimelineWithIt() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("restarted"));
        ProcessInstance first = drive.instance(id);
        runtime.deleteProcessInstance(first.getId(), "cancelled by mistake");
        runtime.restartProcessInstances(first.getProcessDefinitionId()).startBeforeActivity("Task_ReviewApplication")
                .processInstanceIds(first.getId()).execute();

        ProcessInstance second = drive.instance(id);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(drive.row(id).processInstanceId()).isEqualTo(second.getId());
        assertThat(drive.stage(id)).isEqualTo("REVIEW");

        Timeline timeline = timelines.of(drive.row(id));
        assertThat(timeline.processInstanceId()).isEqualTo(second.getId());
        List<String> instances = timeline.processHistory().stream().map(Timeline.ProcessStep::processInstanceId)
                .distinct().toList();
        assertThat(instances).as("the cancelled instance's steps, then the restarted one's")
                .containsExactly(first.getId(), second.getId());
        assertThat(timeline.processHistory()).filteredOn(step -> step.processInstanceId().equals(second.getId()))
                .extracting(Timeline.ProcessStep::activityId).contains("Task_ReviewApplication");
    }

    @Test
    void theFirstStageChangeStoresTheInstanceAndWithoutOneTheStartsOwnUpdateDoes() {
        String changed = storedWithoutInstance();
        String unchanged = storedWithoutInstance();
        try {
            assertThat(applications.setStage(changed, "ELIGIBILITY", "first-instance")).isTrue();
            assertThat(applications.get(changed).processInstanceId()).as("filled by the stage change")
                    .isEqualTo("first-instance");

            assertThat(applications.setStage(unchanged, "SUBMITTED", "first-instance")).as("no stage change").isFalse();
            assertThat(applications.get(unchanged).processInstanceId()).as("nothing written without a change").isNull();
            applications.setProcessInstance(unchanged, "first-instance");
            assertThat(applications.get(unchanged).processInstanceId()).isEqualTo("first-instance");
            applications.setProcessInstance(unchanged, "second-instance");
            assertThat(applications.get(unchanged).processInstanceId()).isEqualTo("first-instance");
        } finally {
            jdbc.sql("delete from application where id in (?, ?)").params(changed, unchanged).update();
        }
    }

    /** A row as the submission inserts it, before its process starts (deleted by the test: it has no process). */
    private String storedWithoutInstance() {
        String id = TimeOrderedIds.next();
        applications.insert(new ApplicationRow(id, "OP-2014", "No Process Lead " + id, "COMMUNITY_GROUP", "Area " + id,
                "Leeds", "SUBMITTED", null, LocalDate.parse("2014-02-10"), Instant.parse("2014-02-10T09:00:00Z"),
                Lifecycle.APPLICANT, "{}"));
        assertThat(applications.get(id).processInstanceId()).isNull();
        return id;
    }
}
