package org.grantline.rules;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRequest;
import org.grantline.rules.facts.Partner;
import org.grantline.rules.scenarios.ScenarioResult;
import org.grantline.rules.scenarios.ScenarioRunner;
import org.grantline.trail.CanonicalJson;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decisions on reused sessions: each must come out as it would on a session of its own. */
class SessionPoolTest {

    static final LocalDate DAY = LocalDate.parse("2014-02-10");
    static final RulesetFiles OP_2014 = RulesetFiles.read(Path.of("rules/OP-2014"));

    /** Three applications that take different paths through the eligibility rules. */
    static List<List<Object>> cases;
    /** Each case decided first on a ruleset of its own, so on a session no decision has used. */
    static List<DecisionResult> onNewSessions;
    /** The rulesets those first decisions were taken on; their sessions are reused by the tests. */
    static List<Ruleset> used;

    @BeforeAll
    static void decideEachCaseOnANewSession() throws Exception {
        ApplicationRequest request = CanonicalJson.MAPPER.readValue(Lifecycle.goodApplicationJson("pool"),
                ApplicationRequest.class);
        List<Object> good = FactsAssembler.applicationFacts("application-1", request, DAY);
        List<Object> late = FactsAssembler.applicationFacts("application-2", request, LocalDate.parse("2015-01-01"));
        List<Object> noPartner = good.stream().filter(fact -> !(fact instanceof Partner)).toList();
        cases = List.of(good, late, noPartner);
        onNewSessions = new ArrayList<>();
        used = new ArrayList<>();
        for (List<Object> facts : cases) {
            used.add(new RulesetCompiler().compile(OP_2014));
            onNewSessions.add(DecisionEngine.decide(used.get(used.size() - 1), "eligibility", DAY, facts));
        }
        assertThat(onNewSessions).extracting(DecisionResult::outcome)
                .containsExactly("ELIGIBLE", "INELIGIBLE", "INELIGIBLE");
        assertThat(onNewSessions.get(1).firedClauses()).contains("E7").doesNotContain("E4");
        assertThat(onNewSessions.get(2).firedClauses()).contains("E4").doesNotContain("E7");
    }

    @Test
    void oneSessionReusedForEveryDecisionDecidesAsNewSessionsDo() {
        Ruleset ruleset = used.get(0);
        for (int i = 0; i < 3 * cases.size(); i++) {
            int which = i % cases.size();
            assertThat(DecisionEngine.decide(ruleset, "eligibility", DAY, cases.get(which)))
                    .as("decision %d (case %d)", i, which).isEqualTo(onNewSessions.get(which));
        }
        assertThat(ruleset.sessions("eligibility").idleSessions()).as("one session served them all").isEqualTo(1);
    }

    @Test
    void concurrentDecisionsEachGetASessionOfTheirOwn() throws Exception {
        Ruleset ruleset = used.get(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        int which = (i + offset) % cases.size();
                        assertThat(DecisionEngine.decide(ruleset, "eligibility", DAY, cases.get(which)))
                                .isEqualTo(onNewSessions.get(which));
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(ruleset.sessions("eligibility").idleSessions()).isBetween(1, SessionPool.IDLE_SESSIONS);
    }

    @Test
    void everyRoundsScenariosPassAgainOnTheSessionsTheirFirstRunLeft() {
        for (Path folder : RulesetRegistry.roundFolders(RuleScenariosTest.RULES)) {
            Ruleset ruleset = new RulesetCompiler().compile(RulesetFiles.read(folder));
            ScenarioRunner.runAll(ruleset, folder);
            List<ScenarioResult> again = ScenarioRunner.runAll(ruleset, folder);
            assertThat(again).as("scenarios of " + folder).isNotEmpty()
                    .allSatisfy(result -> assertThat(result.mismatches()).as(result.toString()).isEmpty());
        }
    }

    @Test
    void rulesThatTheResetWouldNotClearGetANewSessionEachTime() {
        String lockOnActive = RulesetCompilerTest.DECISION.replace("rule \"R1 Award the grant\"\n",
                "rule \"R1 Award the grant\"\nlock-on-active true\n");
        String entryPoint = RulesetCompilerTest.DECISION.replace("    DecisionDate()\n",
                "    DecisionDate()\n    not Failure() from entry-point \"late\"\n");
        for (String drl : List.of(lockOnActive, entryPoint)) {
            assertThat(drl).isNotEqualTo(RulesetCompilerTest.DECISION);
            Ruleset ruleset = new RulesetCompiler().compile(RulesetCompilerTest.files(Map.of("award.drl", drl)));
            for (int i = 0; i < 2; i++) {
                DecisionResult result = DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-07-01"), List.of());
                assertThat(result.outcome()).isEqualTo("AWARDED");
                assertThat(result.firedClauses()).containsExactly("R1");
            }
            assertThat(ruleset.sessions("award").idleSessions()).as("no session kept for %s", drl).isZero();
        }
    }

    @Test
    void reusedSessionsAreSingleThreadedAndOthersKeepDroolsDefault() {
        Ruleset reused = new RulesetCompiler().compile(RulesetCompilerTest.files(Map.of()));
        String lockOnActive = RulesetCompilerTest.DECISION.replace("rule \"R1 Award the grant\"\n",
                "rule \"R1 Award the grant\"\nlock-on-active true\n");
        Ruleset newEachTime = new RulesetCompiler().compile(
                RulesetCompilerTest.files(Map.of("award.drl", lockOnActive)));

        assertThat(threadSafe(reused)).as("one decision on one thread at a time: no locks").isFalse();
        assertThat(threadSafe(newEachTime)).as("timers of such rules may fire on another thread").isTrue();
    }

    @Test
    void newSessionsOfAPoolShareOneConfiguration() {
        SessionPool award = new RulesetCompiler().compile(RulesetCompilerTest.files(Map.of())).sessions("award");
        // The second session is taken while the first is out: the pool has none idle, so both are new.
        List<Object> configurations = award.withSession(first -> award.withSession(second ->
                List.of(first.getSessionConfiguration(), second.getSessionConfiguration())));

        assertThat(configurations.get(0)).as("made once per pool, not per session")
                .isSameAs(configurations.get(1));
    }

    private static boolean threadSafe(Ruleset ruleset) {
        return ruleset.sessions("award").withSession(session ->
                ((StatefulKnowledgeSessionImpl) session).getRuleSessionConfiguration().isThreadSafe());
    }

    @Test
    void aSessionWhoseDecisionFailedIsNotReused() {
        // The grant has no value in force before 2014: the rule's consequence throws.
        Ruleset ruleset = new RulesetCompiler().compile(RulesetCompilerTest.files(Map.of()));
        SessionPool award = ruleset.sessions("award");
        DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-01-01"), List.of());
        assertThat(award.idleSessions()).isEqualTo(1);

        assertThatThrownBy(() -> DecisionEngine.decide(ruleset, "award", LocalDate.parse("2013-06-01"), List.of()))
                .hasStackTraceContaining("has no value in force on 2013-06-01");
        assertThat(award.idleSessions()).as("the failed decision's session was disposed").isZero();

        DecisionResult after = DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-07-01"), List.of());
        assertThat(after.values().get("grant")).hasToString("3500.00");
        assertThat(after.firedClauses()).containsExactly("R1");
        assertThat(award.idleSessions()).isEqualTo(1);
    }
}
