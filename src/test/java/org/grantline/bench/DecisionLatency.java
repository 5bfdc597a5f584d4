package org.grantline.bench;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.grantline.decisions.DecisionRecordContent;
import org.grantline.decisions.DecisionTrigger;
import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRequest;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.facts.CaseworkerDecision;
import org.grantline.rules.facts.Partner;
import org.grantline.rules.facts.RoundPosition;
import org.grantline.trail.CanonicalJson;
import org.grantline.workflow.Lifecycle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH benchmarks behind {@link DecisionBenchmark}: one OP-2014 decision per call, warm, one thread.
 * grantline's decisions run on the compiled ruleset (rules/OP-2014) through {@link DecisionEngine}, with and
 * without building the decision record; the DMN table (bench/op-2014-eligibility.dmn) on Camunda's standalone
 * DMN engine with its FEEL engine and with the legacy (Java) FEEL, including deriving its inputs and verdict.
 */
@State(Scope.Benchmark)
public class DecisionLatency {

    static final LocalDate DAY = LocalDate.parse("2014-02-10");
    static final List<String> STATUTORY = List.of("LOCAL_AUTHORITY", "PARISH_OR_TOWN_COUNCIL",
            "OTHER_STATUTORY_SERVICE", "NHS_OR_CCG", "POLICE_OR_NOMS");

    Ruleset ruleset;
    List<Object> applicationFacts;
    List<Object> awardFacts;
    DmnEngine feel;
    DmnDecision feelTable;
    DmnEngine legacy;
    DmnDecision legacyTable;
    final DecisionTrigger trigger = DecisionTrigger.of("demo-caseworker", "process-instance", "Task_AssessEligibility");

    private static Ruleset compiled;

    @Setup
    public void setUp() throws IOException {
        ruleset = compiled();
        ApplicationRequest request = CanonicalJson.MAPPER.readValue(Lifecycle.goodApplicationJson("bench"),
                ApplicationRequest.class);
        applicationFacts = List.copyOf(FactsAssembler.applicationFacts("application-1", request, DAY));
        List<Object> award = new ArrayList<>(applicationFacts);
        award.add(new CaseworkerDecision("Task_ReviewApplication", true, false, null));
        award.add(new RoundPosition(40, Map.of("GETTING_READY", 40), new BigDecimal("120000.00"), Map.of("VCS_BODY", 30)));
        awardFacts = List.copyOf(award);
        feel = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        feelTable = parse(feel);
        legacy = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(true).buildEngine();
        legacyTable = parse(legacy);
    }

    /** Compiled once per JVM: with forks 0 every benchmark method would compile it again. */
    static synchronized Ruleset compiled() {
        if (compiled == null) {
            compiled = new RulesetCompiler().compile(RulesetFiles.read(java.nio.file.Path.of("rules/OP-2014")));
        }
        return compiled;
    }

    private static DmnDecision parse(DmnEngine engine) throws IOException {
        try (InputStream dmn = DecisionLatency.class.getResourceAsStream("/bench/op-2014-eligibility.dmn")) {
            return engine.parseDecision("eligibility", dmn);
        }
    }

    @Benchmark
    public Map<String, Object> eligibilityWithRecord() {
        DecisionResult result = DecisionEngine.decide(ruleset, "eligibility", DAY, applicationFacts);
        return DecisionRecordContent.of("application-1", result, applicationFacts, trigger, Instant.EPOCH);
    }

    @Benchmark
    public Map<String, Object> gettingReadyAwardWithRecord() {
        DecisionResult result = DecisionEngine.decide(ruleset, "getting-ready", DAY, awardFacts);
        return DecisionRecordContent.of("application-1", result, awardFacts, trigger, Instant.EPOCH);
    }

    @Benchmark
    public DecisionResult eligibilityRulesOnly() {
        return DecisionEngine.decide(ruleset, "eligibility", DAY, applicationFacts);
    }

    @Benchmark
    public DmnVerdict eligibilityDmnFeel() {
        return DmnVerdict.of(feel.evaluateDecisionTable(feelTable, dmnInputs(applicationFacts)).getResultList());
    }

    @Benchmark
    public DmnVerdict eligibilityDmnLegacyFeel() {
        return DmnVerdict.of(legacy.evaluateDecisionTable(legacyTable, dmnInputs(applicationFacts)).getResultList());
    }

    /** The table's inputs from the same facts, derived as the DRL's policy rules derive them. */
    static Map<String, Object> dmnInputs(List<Object> facts) {
        org.grantline.rules.facts.Application app = null;
        List<Partner> partners = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof org.grantline.rules.facts.Application a) {
                app = a;
            } else if (fact instanceof Partner p) {
                partners.add(p);
            }
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("leadType", app.leadType());
        inputs.put("leadCharitablePurpose", app.leadCharitablePurpose());
        inputs.put("areaInEngland", app.areaInEngland());
        inputs.put("partnerCount", partners.size());
        LocalDate on = app.submittedOn();
        inputs.put("submittedOn", on.getYear() * 10_000 + on.getMonthValue() * 100 + on.getDayOfMonth());
        inputs.put("overlappingLiveAwards", 0);
        inputs.put("statutoryPartner", partners.stream().anyMatch(p -> STATUTORY.contains(p.type())));
        inputs.put("statutoryPartnerTrackRecord", partners.stream()
                .anyMatch(p -> STATUTORY.contains(p.type()) && p.trackRecord()));
        inputs.put("specificIntervention", app.specificIntervention());
        inputs.put("leadPriorServiceDelivery", app.leadPriorServiceDelivery());
        inputs.put("needEvidenced", app.needEvidenced());
        inputs.put("buildsOnPriorActivity", app.buildsOnPriorActivity());
        inputs.put("priorityTheme", app.themes().contains("HEALTH_AND_WELLBEING"));
        return inputs;
    }

    /** The verdict from the table's rows: any FAIL row makes it ineligible; the score is the SCORE rows' sum. */
    record DmnVerdict(String outcome, List<String> failed, long score) {
        static DmnVerdict of(List<Map<String, Object>> rows) {
            List<String> failed = new ArrayList<>();
            boolean condition = false;
            long score = 0;
            for (Map<String, Object> row : rows) {
                switch ((String) row.get("kind")) {
                    case "FAIL" -> failed.add((String) row.get("clause"));
                    case "CONDITION" -> condition = true;
                    default -> score += ((Number) row.get("points")).longValue();
                }
            }
            String outcome = !failed.isEmpty() ? "INELIGIBLE" : condition ? "ELIGIBLE_WITH_CONDITION" : "ELIGIBLE";
            return new DmnVerdict(outcome, List.copyOf(failed), failed.isEmpty() ? score : 0);
        }
    }
}
