package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.grantline.GrantlineIT;
import org.grantline.security.Roles;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same change made twice at the same moment, over HTTP: exactly one succeeds, the other gets 409, and
 * nothing is recorded or paid twice. Run on H2 ({@link ConcurrentRequestsApiIT}) and PostgreSQL
 * ({@link ConcurrentRequestsOnPostgresIT}).
 */
interface ConcurrentRequests {

    String CASEWORKER = "demo-caseworker";
    String SECOND_CASEWORKER = "second-caseworker";
    String APPLICANT = "demo-applicant";

    RunningApp app();

    @BeforeEach
    default void secondCaseworker() {
        IdentityService identity = app().identity;
        if (identity.createUserQuery().userId(SECOND_CASEWORKER).count() == 0) {
            User user = identity.newUser(SECOND_CASEWORKER);
            user.setPassword(GrantlineIT.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(SECOND_CASEWORKER, Roles.CASEWORKER);
        }
    }

    /** The second waits for the first under the application's lock, then finds the task done: no engine error. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    default void twoCaseworkersCompletingTheSameTaskAtOnce(CapturedOutput log) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            Lifecycle.on("2014-02-10");
            String id = apply();
            String task = taskId(id, "Task_ReviewApplication");
            String approve = "{\"variables\": {\"approved\": true}}";
            List<Integer> statuses = together(
                    () -> app().api.post(CASEWORKER, "/api/tasks/" + task + "/complete", approve),
                    () -> app().api.post(SECOND_CASEWORKER, "/api/tasks/" + task + "/complete", approve));
            assertThat(statuses).as("attempt " + attempt).containsExactlyInAnyOrder(204, 409);
            assertThat(count("select count(*) from task_completion where application_id = ?", id)).isEqualTo(1);
            assertThat(count("select count(*) from award where application_id = ? and type = 'GETTING_READY'", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from decision_record where application_id = ? and decision = 'getting-ready'", id))
                    .isEqualTo(1);
        }
        assertThat(log.getOut()).as("the log is captured").contains("Decision getting-ready for application")
                .doesNotContain("ENGINE-16004");
    }

    @Test
    default void theSameFinalPlanSubmittedTwiceAtOnceReleasesTheHeldBackTrancheOnce() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = apply();
        complete(id, "Task_ReviewApplication", "{\"variables\": {\"approved\": true}}");
        submit(id, "DEVELOPMENT_STRATEGY", Lifecycle.STRATEGY);
        submit(id, "LOGIC_MODEL", Lifecycle.LOGIC_MODEL);
        Lifecycle.on("2014-05-30");
        submit(id, "GETTING_GOING_APPLICATION", Lifecycle.GETTING_GOING);
        complete(id, "Task_ApproveGettingGoing", "{\"variables\": {\"approved\": true, \"approvedExtra\": false}}");
        submit(id, "DRAFT_PLAN", Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-27");

        String plan = Lifecycle.finalPlan("10000", "15000", "30000");
        String path = "/api/applications/" + id + "/submissions/FINAL_PLAN";
        List<Integer> statuses = together(() -> app().api.post(APPLICANT, path, plan), () -> app().api.post(APPLICANT, path, plan));

        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        assertThat(count("select count(*) from submission where application_id = ? and type = 'FINAL_PLAN'", id))
                .as("the refused submission is not kept").isEqualTo(1);
        assertThat(count("select count(*) from decision_record where application_id = ? and decision = 'final-plan'", id))
                .isEqualTo(1);
        JsonNode state = app().api.get(APPLICANT, "/api/applications/" + id).json();
        List<String> heldBack = new ArrayList<>();
        state.path("tranches").forEach(t -> {
            if (t.path("awardType").asText().equals("GETTING_GOING") && t.path("number").asInt() == 2) {
                heldBack.add(t.path("amount").decimalValue().toPlainString() + " " + t.path("status").asText());
            }
        });
        assertThat(heldBack).containsExactly("1000.00 PAYABLE");
        assertThat(app().api.post(APPLICANT, path, plan).status()).as("and a late retry").isEqualTo(409);
    }

    /**
     * The development strategy may be sent again and again until Getting Going (the diagram loops back for it):
     * two at once are two versions, one after the other, not a conflict (the application's lock orders them).
     */
    @Test
    default void theSameLoopingDocumentSubmittedTwiceAtOnceIsKeptTwice() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = apply();
        complete(id, "Task_ReviewApplication", "{\"variables\": {\"approved\": true}}");
        String path = "/api/applications/" + id + "/submissions/DEVELOPMENT_STRATEGY";
        List<Integer> statuses = together(() -> app().api.post(APPLICANT, path, Lifecycle.STRATEGY),
                () -> app().api.post(APPLICANT, path, Lifecycle.STRATEGY));

        assertThat(statuses).containsExactly(202, 202);
        assertThat(count("select count(*) from submission where application_id = ? and type = 'DEVELOPMENT_STRATEGY'", id))
                .isEqualTo(2);
        submit(id, "LOGIC_MODEL", Lifecycle.LOGIC_MODEL);
    }

    /** A withdrawal beside a submission: each either happens whole or is refused; never a failure. */
    @Test
    default void aWithdrawalAndASubmissionAtOnceGoOneAfterTheOther() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = apply();
        complete(id, "Task_ReviewApplication", "{\"variables\": {\"approved\": true}}");
        List<Integer> statuses = together(
                () -> app().api.post(APPLICANT, "/api/applications/" + id + "/withdrawal", "{\"reason\": \"merged\"}"),
                () -> app().api.post(APPLICANT, "/api/applications/" + id + "/submissions/LOGIC_MODEL",
                        Lifecycle.LOGIC_MODEL));

        assertThat(statuses.get(0)).as("the withdrawal").isEqualTo(202);
        assertThat(statuses.get(1)).as("the logic model").isIn(202, 409);
        assertThat(count("select count(*) from submission where application_id = ? and type = 'LOGIC_MODEL'", id))
                .isEqualTo(statuses.get(1) == 202 ? 1 : 0);
        assertThat(app().api.get(APPLICANT, "/api/applications/" + id).json().path("stage").asText())
                .isEqualTo("WITHDRAWN");
    }

    /** Sends both requests at the same moment and returns their statuses. */
    private static List<Integer> together(Supplier<ApiClient.Response> first, Supplier<ApiClient.Response> second)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<ApiClient.Response> a = CompletableFuture.supplyAsync(() -> await(start, first));
        CompletableFuture<ApiClient.Response> b = CompletableFuture.supplyAsync(() -> await(start, second));
        ApiClient.Response ra = a.get();
        ApiClient.Response rb = b.get();
        for (ApiClient.Response r : List.of(ra, rb)) {
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        return List.of(ra.status(), rb.status());
    }

    private static ApiClient.Response await(CyclicBarrier start, Supplier<ApiClient.Response> request) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return request.get();
    }

    private String apply() {
        ApiClient.Response created = app().api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("race"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String taskId(String id, String key) {
        ApiClient.Response tasks = app().api.get(CASEWORKER, "/api/tasks?applicationId=" + id + "&key=" + key);
        assertThat(tasks.json()).as(tasks.toString()).hasSize(1);
        return tasks.json().get(0).path("id").asText();
    }

    private void complete(String id, String key, String body) {
        ApiClient.Response done = app().api.post(CASEWORKER, "/api/tasks/" + taskId(id, key) + "/complete", body);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    private void submit(String id, String type, String body) {
        ApiClient.Response response = app().api.post(APPLICANT, "/api/applications/" + id + "/submissions/" + type, body);
        assertThat(response.status()).as(type + ": " + response).isEqualTo(202);
    }

    private long count(String sql, String id) {
        return app().count(sql, id);
    }
}
