package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole OP-2014 happy path through HTTP only: grantline's API for applicants and caseworkers,
 * Camunda's REST API (as the administrator) to fire the 12-month timer; then the tranches and decision records are checked.
 */
class HappyPathApiIT extends GrantlineIT {

    static final String APPLICANT = "demo-applicant";
    static final String CASEWORKER = "demo-caseworker";
    static final String AUDITOR = "demo-auditor";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void applicationToImplementationThroughTheApi() {
        Lifecycle.on("2014-02-10");
        ApiClient.Response created = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("api"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("stage").asText()).isEqualTo("REVIEW");
        assertThat(created.json().path("decisions").get(0).path("outcome").asText()).isEqualTo("ELIGIBLE");
        // The 201 answer takes its open tasks from the start's own engine command; read back, they are the same.
        assertThat(created.json().path("openTasks")).hasSize(1);
        assertThat(created.json()).isEqualTo(api.get(APPLICANT, "/api/applications/" + id).json());

        complete(id, "Task_ReviewApplication", "{\"variables\": {\"approved\": true}}");
        submit(id, "DEVELOPMENT_STRATEGY", Lifecycle.STRATEGY);
        submit(id, "LOGIC_MODEL", Lifecycle.LOGIC_MODEL);
        Lifecycle.on("2014-05-30");
        submit(id, "GETTING_GOING_APPLICATION",
                Lifecycle.gettingGoingWithExtra("GOING_FURTHER", "6000", "\"ALIGNED\""));
        complete(id, "Task_ApproveGettingGoing", "{\"variables\": {\"approved\": true, \"approvedExtra\": true}}");
        submit(id, "DRAFT_PLAN", Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-27");
        submit(id, "FINAL_PLAN", Lifecycle.finalPlan("10000", "15000", "30000"));
        complete(id, "Task_ReviewOperationalPlan", "{\"variables\": {\"approved\": true}}");
        submit(id, "MATCH_FUNDING_COMMITMENTS", Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "15000"));
        submit(id, "MATCH_FUNDING_PAYMENT", Lifecycle.payment("County Council", "15000", "2015-02-27"));

        Lifecycle.on("2016-03-01");
        ApiClient.Response jobs = api.get(CASEWORKER, "/engine-rest/job?processInstanceId="
                + state(id).path("processInstanceId").asText() + "&timers=true");
        assertThat(jobs.status()).as(jobs.toString()).isEqualTo(200);
        assertThat(jobs.json()).hasSize(1);
        // Only an administrator may move a process by hand in Camunda: caseworkers work tasks, nothing else.
        ApiClient.Response fired = api.post("admin", "/engine-rest/job/" + jobs.json().get(0).path("id").asText()
                + "/execute", "");
        assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
        submit(id, "OUTTURN", Lifecycle.outturn("1.2", "1", "1"));

        JsonNode state = api.get(AUDITOR, "/api/applications/" + id).json();
        assertThat(state.path("stage").asText()).isEqualTo("COMPLETED");
        List<String> tranches = new ArrayList<>();
        state.path("tranches").forEach(t -> tranches.add(t.path("awardType").asText() + " " + t.path("number").asInt()
                + " " + t.path("amount").decimalValue().toPlainString() + " " + t.path("status").asText()));
        assertThat(tranches).containsExactlyInAnyOrder("GETTING_READY 1 3000.00 PAYABLE",
                "GETTING_GOING 1 9000.00 PAYABLE", "GETTING_GOING 2 1000.00 PAYABLE",
                "GOING_FURTHER 1 6000.00 PAYABLE", "MAKING_IT_HAPPEN 1 10000.00 PAYABLE");
        List<String> decisions = new ArrayList<>();
        state.path("decisions").forEach(d -> decisions.add(d.path("decision").asText() + "=" + d.path("outcome").asText()));
        assertThat(decisions).containsExactly("eligibility=ELIGIBLE", "getting-ready=AWARDED",
                "getting-going=ELIGIBLE", "getting-going-award=AWARDED", "final-plan=ON_TIME",
                "sign-off=SIGNED_OFF", "making-it-happen=OFFERED", "match-funding-check=MET",
                "outturn=WITHIN_RANGE");
        JsonNode eligibility = state.path("decisions").get(0);
        assertThat(eligibility.path("rulesetVersion").asText()).hasSize(64);
        assertThat(eligibility.path("firedClauses").toString()).contains("S1").contains("S6");
        assertThat(eligibility.path("triggeredBy").asText()).isEqualTo(APPLICANT);

        JsonNode decision = api.get(AUDITOR, "/api/decisions/" + eligibility.path("id").asText()).json();
        assertThat(decision.path("inputs").toString()).contains("\"type\":\"Application\"");
        assertThat(decision.path("reasons").toString()).contains("S1");

        String firstTranche = state.path("tranches").get(0).path("id").asText();
        assertThat(api.post(CASEWORKER, "/api/payments/" + firstTranche + "/paid", "").status()).isEqualTo(200);
        assertThat(api.post(CASEWORKER, "/api/payments/" + firstTranche + "/paid", "").status()).isEqualTo(409);
    }

    private JsonNode state(String id) {
        return api.get(APPLICANT, "/api/applications/" + id).json();
    }

    private void submit(String id, String type, String body) {
        ApiClient.Response response = api.post(APPLICANT, "/api/applications/" + id + "/submissions/" + type, body);
        assertThat(response.status()).as(type + ": " + response).isEqualTo(202);
    }

    private void complete(String id, String taskKey, String body) {
        ApiClient.Response tasks = api.get(CASEWORKER, "/api/tasks?applicationId=" + id + "&key=" + taskKey);
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
        assertThat(tasks.json()).as(tasks.toString()).hasSize(1);
        String taskId = tasks.json().get(0).path("id").asText();
        assertThat(tasks.json().get(0).path("applicationId").asText()).as("the task list names its application")
                .isEqualTo(id);
        assertThat(api.get(CASEWORKER, "/api/tasks/" + taskId).json().path("applicationId").asText())
                .as("so does the task itself").isEqualTo(id);
        ApiClient.Response done = api.post(CASEWORKER, "/api/tasks/" + taskId + "/complete", body);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

}
