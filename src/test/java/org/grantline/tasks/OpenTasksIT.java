package org.grantline.tasks;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grantline.GrantlineIT;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRequest;
import org.grantline.intake.ApplicationService;
import org.grantline.security.Roles;
import org.grantline.workflow.EngineCalls;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case file's open tasks (one native query) against the task list's generic task query, and the 201 answer's
 * (taken in the command that started the process) against both.
 */
class OpenTasksIT extends GrantlineIT {

    @Autowired
    OpenTasks openTasks;
    @Autowired
    Lifecycle drive;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationService intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    EngineCalls engineCalls;
    @Autowired
    HistoryService history;

    @Test
    void anApplicationsOpenTasksAreItsOwnWithTheirFormsAsTheTaskListShowsThem() {
        Lifecycle.on("2014-02-10");
        String first = drive.submit(Lifecycle.goodApplicationJson("open-tasks"));
        String second = drive.submit(Lifecycle.goodApplicationJson("open-tasks"));

        List<OpenTask> open = openTasks.ofApplication(first);

        assertThat(open).extracting(OpenTask::key).containsExactly("Task_ReviewApplication");
        OpenTask review = open.get(0);
        assertThat(review.applicationId()).isEqualTo(first);
        assertThat(review.processInstanceId()).isEqualTo(drive.row(first).processInstanceId());
        assertThat(review.form()).extracting(OpenTask.Field::id).contains("eligibilitySummary", "approved");
        // read-only fields, filled from the decision record as the form is read (no process variable holds them)
        assertThat(review.form()).filteredOn(f -> f.id().equals("eligibilitySummary")).singleElement()
                .satisfies(f -> assertThat((String) f.value()).startsWith("Eligibility: eligible. | Priority score 10:")
                        .contains("Clauses applied: S1"));
        assertThat(review.form()).filteredOn(f -> f.id().equals("priorityScore")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(10L));
        assertThat(runtime.getVariables(review.processInstanceId())).doesNotContainKeys("eligibilitySummary",
                "priorityScore");
        assertThat(open).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(openTasks.list(tasks.createTaskQuery().processInstanceBusinessKey(first), 0, 100));
        assertThat(openTasks.ofApplication(second)).extracting(OpenTask::applicationId).containsExactly(second);
    }

    @Test
    void aNewInstancesTasksTakenInItsStartCommandAreTheOnesReadBackAfterwards() throws Exception {
        Lifecycle.on("2014-02-10");
        var request = json.readValue(Lifecycle.goodApplicationJson("open-tasks"), ApplicationRequest.class);

        var started = intake.submit(request, Lifecycle.APPLICANT, openTasks::ofStartedInstance);

        assertThat(started.atStart()).extracting(OpenTask::key).containsExactly("Task_ReviewApplication");
        assertThat(started.atStart()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(openTasks.ofApplication(started.applicationId()));
        assertThat(started.atStart().get(0).form()).filteredOn(f -> f.id().equals("eligibilitySummary"))
                .singleElement().satisfies(f -> assertThat(f.value()).isNotNull());
    }

    @Test
    void anIneligibleApplicationsStartLeavesNoOpenTask() throws Exception {
        Lifecycle.on("2014-02-10");
        var request = json.readValue(Lifecycle.goodApplicationJson("open-tasks")
                .replace("\"inEngland\": true", "\"inEngland\": false"), ApplicationRequest.class);

        var started = intake.submit(request, Lifecycle.APPLICANT, openTasks::ofStartedInstance);

        assertThat(drive.stage(started.applicationId())).isEqualTo("INELIGIBLE");
        assertThat(started.atStart()).isEmpty();
        assertThat(openTasks.ofApplication(started.applicationId())).isEmpty();
    }

    @Test
    void aStartedInstancesTasksAreReadOnlyInTheCommandThatStartedIt() {
        Lifecycle.on("2014-02-10");
        var instance = drive.instance(drive.submit(Lifecycle.goodApplicationJson("open-tasks")));

        assertThatThrownBy(() -> openTasks.ofStartedInstance(instance))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("command that started it");
        // Inside another command the instance is one read from the database, not one this command started.
        assertThatThrownBy(() -> engineCalls.withoutAuthorization(() -> openTasks.ofStartedInstance(instance)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("command that started it");
    }

    @Test
    void whenTheAnswerCannotBeBuiltTheSubmissionLeavesNothingBehind() throws Exception {
        Lifecycle.on("2014-02-10");
        var request = json.readValue(Lifecycle.goodApplicationJson("open-tasks"), ApplicationRequest.class);
        // Started instances, ended or not: a timer firing meanwhile cannot change this count, a start would.
        long startedBefore = history.createHistoricProcessInstanceQuery().count();

        assertThatThrownBy(() -> intake.submit(request, Lifecycle.APPLICANT, instance -> {
            throw new IllegalStateException("the answer failed");
        })).hasMessage("the answer failed");

        assertThat(applications.otherApplicationsOfLead(request.round(), request.lead().name())).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(startedBefore);
    }

    @Test
    void aSuspendedApplicationHasNoOpenTasksAndAFinishedTaskIsGone() {
        Lifecycle.on("2014-02-10");
        String suspended = drive.submit(Lifecycle.goodApplicationJson("open-tasks"));
        String reviewed = drive.submit(Lifecycle.goodApplicationJson("open-tasks"));

        String instance = drive.row(suspended).processInstanceId();
        runtime.suspendProcessInstanceById(instance);
        try {
            drive.complete(reviewed, "Task_ReviewApplication", Map.of("approved", true));

            assertThat(openTasks.ofApplication(suspended)).isEmpty();
            assertThat(openTasks.list(tasks.createTaskQuery().processInstanceBusinessKey(suspended), 0, 100)).isEmpty();
            // Offered a place, it waits for its development strategy: no caseworker task until then.
            assertThat(drive.stage(reviewed)).isEqualTo("GETTING_READY");
            assertThat(openTasks.ofApplication(reviewed)).isEmpty();
            assertThat(openTasks.ofApplication("no-such-application")).isEmpty();
        } finally {
            runtime.activateProcessInstanceById(instance);
        }
        assertThat(openTasks.ofApplication(suspended)).extracting(OpenTask::key).containsExactly("Task_ReviewApplication");
    }

    @Test
    void aCamundaSignInOnTheThreadChangesNothing() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("open-tasks"));
        List<OpenTask> unauthenticated = openTasks.ofApplication(id);
        // An applicant may not read tasks in Camunda; grantline's own access check has let the reader in.
        identity.setAuthentication(Lifecycle.APPLICANT, List.of(Roles.APPLICANT));
        try {
            assertThat(openTasks.ofApplication(id)).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(unauthenticated).hasSize(1);
        } finally {
            identity.clearAuthentication();
        }
    }
}
