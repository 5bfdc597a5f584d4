package org.grantline.bench;

import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRequest;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.trail.CanonicalJson;
import org.grantline.workflow.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DMN table decides as the DRL does: for a good application and one that breaks each clause, both
 * engines give the same outcome, failed clauses and score. Otherwise the latency comparison means nothing.
 */
final class DecisionEquivalence {

    static final Map<String, UnaryOperator<String>> CASES = Map.of(
            "good", json -> json,
            "E1 lead type", json -> json.replace("\"VCS_BODY\"", "\"PRIVATE_COMPANY\""),
            "E2 no charitable purpose", json -> json.replace("\"charitablePurpose\": true", "\"charitablePurpose\": false"),
            "E3 not in England", json -> json.replace("\"inEngland\": true", "\"inEngland\": false"),
            "E4 no partner", json -> json.replaceAll("\"partners\": \\[.*?]", "\"partners\": []"),
            "E5 no statutory partner", json -> json.replace("\"LOCAL_AUTHORITY\"", "\"VCS_BODY\""),
            "scores off", json -> json.replace("\"needEvidenced\": true", "\"needEvidenced\": false")
                    .replace("\"priorServiceDelivery\": true", "\"priorServiceDelivery\": false"));

    /** Returns the number of cases checked (each once on the FEEL and once on the legacy engine). */
    static int check(DecisionLatency engines) {
        int checked = 0;
        for (var entry : CASES.entrySet()) {
            for (LocalDate day : List.of(DecisionLatency.DAY, LocalDate.parse("2014-04-01"))) {
                List<Object> facts = facts(entry.getValue().apply(Lifecycle.goodApplicationJson("equivalence")), day);
                DecisionResult drools = DecisionEngine.decide(engines.ruleset, "eligibility", day, facts);
                Map<String, Object> inputs = DecisionLatency.dmnInputs(facts);
                for (var table : List.of(
                        engines.feel.evaluateDecisionTable(engines.feelTable, inputs),
                        engines.legacy.evaluateDecisionTable(engines.legacyTable, inputs))) {
                    DecisionLatency.DmnVerdict dmn = DecisionLatency.DmnVerdict.of(table.getResultList());
                    String what = entry.getKey() + " on " + day;
                    assertThat(dmn.outcome()).as(what).isEqualTo(drools.outcome());
                    assertThat(dmn.failed()).as(what).containsExactlyInAnyOrderElementsOf(
                            drools.failures().stream().map(f -> f.clause()).toList());
                    assertThat(dmn.score()).as(what).isEqualTo(drools.totalScore());
                    checked++;
                }
            }
        }
        return checked;
    }

    private static List<Object> facts(String json, LocalDate day) {
        try {
            ApplicationRequest request = CanonicalJson.MAPPER.readValue(json, ApplicationRequest.class);
            return new ArrayList<>(FactsAssembler.applicationFacts("application-1", request, day));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DecisionEquivalence() {
    }
}
