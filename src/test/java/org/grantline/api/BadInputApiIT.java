package org.grantline.api;

import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests get a 4xx with an RFC 7807 body naming the problem, and change nothing: no application,
 * no process, no decision, no submission.
 */
class BadInputApiIT extends GrantlineIT {

    static final String APPLICANT = "demo-applicant";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        Lifecycle.on("2014-02-10");
    }

    static Stream<Arguments> badApplications() {
        String good = Lifecycle.goodApplicationJson("bad");
        return Stream.of(
                Arguments.of("malformed JSON", "{\"round\": ", 400, "JSON"),
                Arguments.of("not an object", "[1,2]", 400, "(body)"),
                Arguments.of("unknown field", good.replace("\"round\"", "\"colour\": \"red\", \"round\""), 400, "colour"),
                Arguments.of("missing lead", good.replaceFirst("\"lead\": \\{[^}]*},", ""), 422, "lead"),
                Arguments.of("wrong type for a boolean", good.replace("\"inEngland\": true", "\"inEngland\": \"yes\""), 400, "area.inEngland"),
                Arguments.of("number as a boolean", good.replace("\"inEngland\": true", "\"inEngland\": 1"), 400, "area.inEngland"),
                Arguments.of("unknown lead type", good.replace("\"VCS_BODY\"", "\"BANANA\""), 400, "lead.type"),
                Arguments.of("unknown theme", good.replace("\"OLDER_PEOPLE\"", "\"ASTRONOMY\""), 400, "themes[1]"),
                Arguments.of("unknown partner type", good.replace("\"LOCAL_AUTHORITY\"", "\"GUILD\""), 400, "partners.type[0]"),
                Arguments.of("no themes (E6)", good.replace("[\"HEALTH_AND_WELLBEING\", \"OLDER_PEOPLE\"]", "[]"), 422, "E6"),
                Arguments.of("four themes (E6)", good.replace("\"OLDER_PEOPLE\"", "\"OLDER_PEOPLE\", \"HOUSING\", \"EDUCATION\""), 422, "E6"),
                Arguments.of("negative turnover", good.replace("\"priorServiceDelivery\": true", "\"priorServiceDelivery\": true, \"annualTurnover\": -5"), 422, "lead.annualTurnover"),
                Arguments.of("absurd turnover", good.replace("\"priorServiceDelivery\": true", "\"priorServiceDelivery\": true, \"annualTurnover\": 1e15"), 422, "lead.annualTurnover"),
                Arguments.of("unknown round", good.replace("\"OP-2014\"", "\"XX-1999\""), 422, "round"),
                Arguments.of("blank lead name", good.replaceFirst("\"name\": \"Lead [^\"]*\"", "\"name\": \"  \""), 422, "lead.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void badApplicationIsRefusedAndNothingIsCreated(String what, String body, int status, String named) {
        int before = applications();
        ApiClient.Response response = api.post(APPLICANT, "/api/applications", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(named);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void wrongContentTypeIsRefused() {
        ApiClient.Response response = api.post(APPLICANT, "/api/applications", "round=OP-2014", "text/plain");
        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void aSecondApplicationFromTheSameLeadIsADuplicate() {
        String application = Lifecycle.goodApplicationJson("duplicate");
        assertThat(api.post(APPLICANT, "/api/applications", application).status()).isEqualTo(201);
        int before = applications();
        ApiClient.Response second = api.post(APPLICANT, "/api/applications", application.replace("\"Lead ", "\"  lead "));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.body()).contains("E9");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void documentsForTheWrongStageAreRefusedAndNotKept() {
        String id = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("stage")).json().path("id").asText();
        ApiClient.Response early = api.post(APPLICANT, "/api/applications/" + id + "/submissions/FINAL_PLAN",
                Lifecycle.finalPlan("10000", "12000", "30000"));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.body()).contains("not waiting for FINAL_PLAN");
        assertThat(jdbc.sql("select count(*) from submission where application_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    /** A document at the wrong stage is the applicant's mistake: 409, and no engine error in the log for it. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aDocumentTheProcessIsNotWaitingForIsRefusedWithoutAnEngineError(CapturedOutput log) {
        String id = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("early")).json().path("id").asText();
        ApiClient.Response refused = api.post(APPLICANT, "/api/applications/" + id + "/submissions/LOGIC_MODEL",
                Lifecycle.LOGIC_MODEL);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("is at stage REVIEW and is not waiting for LOGIC_MODEL");
        assertThat(log.getOut()).doesNotContain("ENGINE-16004").doesNotContain("Cannot correlate message 'LOGIC_MODEL'");
        assertThat(jdbc.sql("select count(*) from submission where application_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void badSubmissionsAreRefused() {
        String id = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("subs")).json().path("id").asText();
        String base = "/api/applications/" + id + "/submissions/";
        assertThat(api.post(APPLICANT, base + "NOT_A_TYPE", "{}").status()).isEqualTo(404);
        assertThat(api.post(APPLICANT, base + "DEVELOPMENT_STRATEGY", "{\"title\": \"x\", \"pages\": 3}").body()).contains("pages");
        assertThat(api.post(APPLICANT, base + "DEVELOPMENT_STRATEGY", "{}").status()).isEqualTo(422);
        assertThat(api.post(APPLICANT, base + "MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"x\", \"amount\": -1, \"paidOn\": \"2014-02-01\"}").status()).isEqualTo(422);
        assertThat(api.post(APPLICANT, base + "MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"x\", \"amount\": 10, \"paidOn\": \"2999-02-01\"}").body()).contains("paidOn");
        assertThat(api.post(APPLICANT, base + "MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"x\", \"amount\": 10, \"paidOn\": \"not-a-date\"}").status()).isEqualTo(400);
        assertThat(api.post(APPLICANT, "/api/applications/no-such-id/submissions/LOGIC_MODEL", "{\"title\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from submission where application_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void incompleteFinalPlanNamesEveryMissingSection() {
        // P1 is checked before the stage: a plan that could never be accepted says why at once.
        String id = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("p1")).json().path("id").asText();
        ApiClient.Response response = api.post(APPLICANT, "/api/applications/" + id + "/submissions/FINAL_PLAN",
                "{\"sections\": [\"PROPOSALS\"], \"firstYearBudget\": 1000}");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.body()).contains("P1").contains("BUSINESS_CASE").contains("GOVERNANCE_AND_ACCOUNTABILITY");
    }

    @Test
    void taskCompletionsAreCheckedAgainstTheForm() {
        String id = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("task")).json().path("id").asText();
        String taskId = api.get("demo-caseworker", "/api/tasks?applicationId=" + id).json().get(0).path("id").asText();
        String complete = "/api/tasks/" + taskId + "/complete";
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {}}").body()).contains("approved").contains("required");
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {\"approved\": \"yes\"}}").status()).isEqualTo(422);
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {\"approved\": true, \"priorityScore\": 99}}").body())
                .contains("read-only");
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {\"approved\": true, \"hack\": 1}}").body())
                .contains("not a field");
        assertThat(api.post("demo-caseworker", "/api/tasks/nope/complete", "{\"variables\": {}}").status()).isEqualTo(404);
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {\"approved\": false}}").status()).isEqualTo(204);
        assertThat(api.post("demo-caseworker", complete, "{\"variables\": {\"approved\": false}}").status()).isEqualTo(409);
    }

    @Test
    void everyoneMustLogInAndStayInTheirLane() {
        assertThat(api.get(null, "/api/applications").status()).isEqualTo(401);
        assertThat(api.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(api.get(APPLICANT, "/api/tasks").status()).isEqualTo(403);
        assertThat(api.post("demo-auditor", "/api/applications", Lifecycle.goodApplicationJson("auditor")).status()).isEqualTo(403);
        String theirs = api.post("demo-caseworker", "/api/applications", Lifecycle.goodApplicationJson("other")).json().path("id").asText();
        assertThat(api.get(APPLICANT, "/api/applications/" + theirs).status()).isEqualTo(404);
        assertThat(api.get("demo-auditor", "/api/applications/" + theirs).status()).isEqualTo(200);
        assertThat(api.get("demo-caseworker", "/v3/api-docs").body()).contains("/api/applications");
        // Identities and deployments change only by administrators, whichever engine API is used.
        assertThat(api.post("demo-caseworker", "/engine-rest/deployment/create", "{}").status()).isEqualTo(403);
        assertThat(api.post("demo-caseworker", "/engine-rest/user/create", "{}").status()).isEqualTo(403);
        // Camunda's webapp API has its own login: anonymous calls are refused by it (or by CSRF before it).
        assertThat(api.post(null, "/camunda/api/engine/engine/default/user/create", "{}").status()).isIn(401, 403);
        assertThat(api.get("demo-caseworker", "/engine-rest/task").status()).isEqualTo(200);
        ApiClient.Response validation = api.post("demo-designer", "/api/designer/validation", "");
        assertThat(validation.status()).as(validation.toString()).isEqualTo(200);
        assertThat(validation.body()).contains("\"scenariosFailed\":0");
        assertThat(api.post("demo-auditor", "/api/designer/validation", "").status()).isEqualTo(403);
    }

    private int applications() {
        return jdbc.sql("select count(*) from application").query(Integer.class).single();
    }
}
