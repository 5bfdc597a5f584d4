package org.grantline.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.decisions.DecisionQueries;
import org.grantline.milestones.SubmissionType;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.CanonicalJson;
import org.grantline.trail.ChainVerification;
import org.grantline.trail.ChainVerifier;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail on its own database: it verifies when untouched, detects an edited, a deleted and two
 * swapped rows, replays every decision of the round as MATCH, and shows exactly which decisions a rule
 * change would alter. Auditors read and replay but cannot change anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:grantline-audit;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/audit-data",
        "grantline.demo-users.password=audit-test",
})
class AuditTrailIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    DecisionQueries decisions;
    @Autowired
    Replayer replayer;
    @Autowired
    RulesetVersions versions;
    @LocalServerPort
    int port;

    @BeforeEach
    void aSimulatedRound() {
        if (jdbc.sql("select count(*) from application").query(Integer.class).single() > 0) {
            return;
        }
        for (String tag : List.of("audit-a", "audit-b", "audit-c")) {
            String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson(tag),
                    Lifecycle.gettingGoingWithExtra("GOING_FURTHER", "6000", "\"ALIGNED\""), true);
            drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
            Lifecycle.on("2015-02-20");
            drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
            drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        }
        Lifecycle.on("2014-02-10");
        String refused = drive.submit(Lifecycle.goodApplicationJson("audit-refused").replace("\"inEngland\": true", "\"inEngland\": false"));
        assertThat(drive.stage(refused)).isEqualTo("INELIGIBLE");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUntouchedTrailVerifiesAndHoldsDecisionsTasksAndPayments() {
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(trailSize());
        assertThat(jdbc.sql("select distinct kind from audit_trail").query(String.class).list())
                .containsExactlyInAnyOrder("DECISION", "TASK", "PAYMENT");
    }

    @Test
    void anEditedDecisionRecordIsDetected() {
        String id = jdbc.sql("select id from decision_record where decision = 'getting-ready' order by seq limit 1")
                .query(String.class).single();
        String outputs = jdbc.sql("select outputs from decision_record where id = ?").param(id).query(String.class).single();
        jdbc.sql("update decision_record set outputs = ? where id = ?").params(outputs.replace("3000", "30000"), id).update();
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).contains(id).contains("changed");
        } finally {
            jdbc.sql("update decision_record set outputs = ? where id = ?").params(outputs, id).update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aLedgerOrTaskRowChangedBehindTheTrailIsDetected() {
        String tranche = jdbc.sql("select id from tranche where status = 'PAYABLE' order by created_at limit 1")
                .query(String.class).single();
        jdbc.sql("update tranche set status = 'PAID' where id = ?").param(tranche).update();
        try {
            assertThat(verifier.verify().problem()).contains(tranche).contains("PAID");
        } finally {
            jdbc.sql("update tranche set status = 'PAYABLE' where id = ?").param(tranche).update();
        }
        String task = jdbc.sql("select task_id from task_completion order by id limit 1").query(String.class).single();
        String variables = jdbc.sql("select variables from task_completion where task_id = ?").param(task)
                .query(String.class).single();
        jdbc.sql("update task_completion set variables = ? where task_id = ?")
                .params(variables.replace("true", "false"), task).update();
        try {
            assertThat(verifier.verify().problem()).contains(task).contains("changed");
        } finally {
            jdbc.sql("update task_completion set variables = ? where task_id = ?").params(variables, task).update();
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsDetected() {
        long seq = trailSize() / 2;
        Map<String, Object> row = jdbc.sql("select * from audit_trail where seq = ?").param(seq).query().singleRow();
        jdbc.sql("delete from audit_trail where seq = ?").param(seq).update();
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAtSeq()).isEqualTo(seq);
            assertThat(result.problem()).contains("missing");
        } finally {
            reinsert(row);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void twoSwappedRowsAreDetected() {
        long first = 3;
        long second = 4;
        Map<String, Object> a = jdbc.sql("select * from audit_trail where seq = ?").param(first).query().singleRow();
        Map<String, Object> b = jdbc.sql("select * from audit_trail where seq = ?").param(second).query().singleRow();
        jdbc.sql("delete from audit_trail where seq in (?, ?)").params(first, second).update();
        reinsert(withSeq(a, second));
        reinsert(withSeq(b, first));
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAtSeq()).isEqualTo(first);
        } finally {
            jdbc.sql("delete from audit_trail where seq in (?, ?)").params(first, second).update();
            reinsert(a);
            reinsert(b);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void everyDecisionOfTheRoundReplaysAsAMatchAndWritesNothing() {
        long decisionsBefore = count("decision_record");
        long trailBefore = trailSize();
        List<String> ids = jdbc.sql("select id from decision_record order by seq").query(String.class).list();
        assertThat(ids).hasSizeGreaterThan(15);
        for (String id : ids) {
            var recorded = decisions.get(id);
            ReplayResult result = replayer.replay(recorded, versions.ruleset(recorded.rulesetVersion()));
            assertThat(result.status()).as(recorded.decision() + " " + result.differences()).isEqualTo(ReplayResult.MATCH);
        }
        assertThat(count("decision_record")).isEqualTo(decisionsBefore);
        assertThat(trailSize()).isEqualTo(trailBefore);
    }

    /**
     * Replay rebuilds the facts from a record's inputs: written again, they must give the same text, nothing lost.
     * The typed list is built here as {@code DecisionRecorder.typed} builds it, not by calling it: a check of its own.
     */
    @Test
    void everyRecordsInputsRebuildFactsThatWriteTheSameText() throws Exception {
        List<String> stored = jdbc.sql("select inputs from decision_record order by seq").query(String.class).list();
        assertThat(stored).hasSizeGreaterThan(15);
        for (String inputs : stored) {
            List<Map<String, Object>> typed = Replayer.facts(CanonicalJson.MAPPER.readTree(inputs)).stream()
                    .map(fact -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("type", fact.getClass().getSimpleName());
                        entry.put("fact", fact);
                        return entry;
                    }).toList();
            assertThat(CanonicalJson.write(typed)).isEqualTo(inputs);
        }
    }

    @Test
    void aChangedGettingGoingAmountAltersExactlyTheGettingGoingAwards() throws Exception {
        RulesetFiles current = RulesetFiles.read(Path.of("rules/OP-2014"));
        TreeMap<String, String> files = new TreeMap<>(current.files());
        files.put("parameters/getting-going.yaml", files.get("parameters/getting-going.yaml")
                .replaceFirst("2014-01-01: 10000", "2014-01-01: 12000"));
        assertThat(files.get("parameters/getting-going.yaml")).contains("12000");
        Ruleset candidate = new RulesetCompiler().compile(new RulesetFiles("OP-2014", files));
        var transaction = new org.springframework.transaction.support.TransactionTemplate(
                org.springframework.test.util.AopTestUtils.getTargetObject(txManager));
        transaction.executeWithoutResult(s -> versions.register(candidate, "test", Instant.now()));

        Map<String, Long> mismatches = new TreeMap<>();
        for (String id : jdbc.sql("select id from decision_record order by seq").query(String.class).list()) {
            var recorded = decisions.get(id);
            ReplayResult result = replayer.replay(recorded, versions.ruleset(candidate.version()));
            if (result.status().equals(ReplayResult.MISMATCH)) {
                mismatches.merge(recorded.decision(), 1L, Long::sum);
                assertThat(result.differences()).anySatisfy(d -> assertThat(d.replayed()).contains("12000"));
            }
        }
        assertThat(mismatches).containsExactly(Map.entry("getting-going-award", 3L));
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;
    @Autowired
    BatchReplay batch;

    @Test
    void batchReplayOfTheRoundMatchesAndACandidateRulesetListsItsDifferencesInTheCsv() {
        long total = count("decision_record");
        java.util.List<Long> progress = new java.util.ArrayList<>();
        ReplaySummary own = batch.run(new BatchReplay.Selection("OP-2014", null, null), null, null,
                (done, all) -> progress.add(done), () -> false);
        assertThat(own.getReplayed()).isEqualTo(total);
        assertThat(own.getMismatches()).isZero();
        assertThat(progress).hasSize((int) total).endsWith(total);
        assertThat(own.getByDecision().get("eligibility").getMatched()).isEqualTo(4);

        TreeMap<String, String> files = new TreeMap<>(RulesetFiles.read(Path.of("rules/OP-2014")).files());
        files.put("parameters/getting-ready.yaml", files.get("parameters/getting-ready.yaml")
                .replaceFirst("2014-01-01: 3000", "2014-01-01: 3500"));
        Ruleset candidate = new RulesetCompiler().compile(new RulesetFiles("OP-2014", files));
        java.io.StringWriter csv = new java.io.StringWriter();
        ReplaySummary impact = batch.run(new BatchReplay.Selection("OP-2014", null, null), candidate, csv,
                (done, all) -> { }, () -> false);
        assertThat(impact.getMismatches()).isEqualTo(3);
        assertThat(impact.getByDecision().get("getting-ready").getMismatched()).isEqualTo(3);
        assertThat(csv.toString().lines()).hasSizeGreaterThan(3)
                .first().asString().startsWith("decision_id,application_id,decision");
        assertThat(csv.toString()).contains("outputs.awards[0].amount,3000.00,3500.00");

        String oneId = jdbc.sql("select id from decision_record where decision = 'getting-ready' order by seq limit 1")
                .query(String.class).single();
        ReplaySummary one = batch.run(new BatchReplay.Selection(null, null, null, oneId), candidate, null,
                (done, all) -> { }, () -> false);
        assertThat(one.getReplayed()).isEqualTo(1);
        assertThat(one.getMismatches()).isEqualTo(1);

        ReplaySummary stopped = batch.run(new BatchReplay.Selection(null, null, null), null, null,
                (done, all) -> { }, () -> true);
        assertThat(stopped.isInterrupted()).isTrue();
        assertThat(stopped.getReplayed()).isZero();
    }

    @Test
    void auditorsReadAndReplayOverHttpButCannotChangeAnything() throws Exception {
        String decision = jdbc.sql("select id from decision_record order by seq limit 1").query(String.class).single();
        String application = jdbc.sql("select application_id from decision_record order by seq limit 1").query(String.class).single();
        assertThat(get("/api/decisions/" + decision + "/replay").path("status").asText()).isEqualTo("MATCH");
        assertThat(get("/api/decisions/" + decision + "/replay?version=current").path("status").asText()).isEqualTo("MATCH");
        assertThat(get("/api/audit/verification").path("intact").asBoolean()).isTrue();
        JsonNode timeline = get("/api/applications/" + application + "/timeline");
        assertThat(timeline.path("entries").size()).isGreaterThan(5);
        assertThat(timeline.path("processHistory").size()).isGreaterThan(5);
        assertThat(get("/api/rulesets").size()).isGreaterThanOrEqualTo(1);

        String task = jdbc.sql("select task_id from task_completion limit 1").query(String.class).single();
        String tranche = jdbc.sql("select id from tranche limit 1").query(String.class).single();
        for (String path : List.of("/api/applications", "/api/applications/" + application + "/withdrawal",
                "/api/applications/" + application + "/submissions/OUTTURN", "/api/tasks/" + task + "/complete",
                "/api/payments/" + tranche + "/paid", "/engine-rest/process-instance/delete")) {
            assertThat(post(path)).as(path).isEqualTo(403);
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private int post(String path) throws Exception {
        return HttpClient.newHttpClient().send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpRequest.Builder request(String path) {
        String token = Base64.getEncoder().encodeToString("demo-auditor:audit-test".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + token);
    }

    private long trailSize() {
        return count("audit_trail");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Map<String, Object> withSeq(Map<String, Object> row, long seq) {
        Map<String, Object> copy = new java.util.HashMap<>(row);
        copy.put("SEQ", seq);
        return copy;
    }

    private void reinsert(Map<String, Object> row) {
        Map<String, Object> r = new java.util.HashMap<>();
        row.forEach((k, v) -> r.put(k.toUpperCase(java.util.Locale.ROOT), v));
        jdbc.sql("""
                insert into audit_trail (seq, kind, ref_id, application_id, actor, recorded_at, content, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.get("SEQ"), r.get("KIND"), r.get("REF_ID"), r.get("APPLICATION_ID"), r.get("ACTOR"),
                        r.get("RECORDED_AT"), r.get("CONTENT"), r.get("PREV_HASH"), r.get("HASH"))
                .update();
    }
}
