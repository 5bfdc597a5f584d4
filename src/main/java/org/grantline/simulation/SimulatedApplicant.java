package org.grantline.simulation;

import org.grantline.cba.CbaResult;
import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRow;
import org.grantline.milestones.SubmissionType;
import org.grantline.parameters.ParameterSet;
import org.grantline.rules.RulesetRegistry;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The documents a simulated area sends: complete and valid for its round (the plan has the round's required
 * sections and, where the round appraises CBAs, a CBA that repays its costs; match funding covers half the
 * first-year budget; the outturn achieves what was forecast), so that the script alone decides the path.
 */
@Component
class SimulatedApplicant {

    static final String PROVIDER = "County Council";

    private final RulesetRegistry rulesets;
    private final FactsAssembler facts;

    SimulatedApplicant(RulesetRegistry rulesets, FactsAssembler facts) {
        this.rulesets = rulesets;
        this.facts = facts;
    }

    String payload(SubmissionType type, ApplicationRow app, LocalDate today) {
        ParameterSet params = rulesets.active(app.roundCode()).parameters().on(today);
        return switch (type) {
            case GETTING_GOING_APPLICATION -> "{}";
            case DRAFT_PLAN -> "{\"sections\": " + sections(params) + "}";
            case FINAL_PLAN -> "{\"sections\": " + sections(params) + ", \"firstYearBudget\": 30000"
                    + (params.find("cba.discount_rate").isPresent() ? ", \"cba\": " + CBA : "") + "}";
            case MATCH_FUNDING_COMMITMENTS -> "{\"commitments\": [{\"provider\": \"" + PROVIDER
                    + "\", \"providerType\": \"LOCAL_AUTHORITY\", \"amount\": 15000, \"inKind\": false}]}";
            case MATCH_FUNDING_PAYMENT -> "{\"provider\": \"" + PROVIDER + "\", \"amount\": 15000, \"paidOn\": \"" + today + "\"}";
            case OUTTURN -> outturn(app.id());
            default -> "{\"title\": \"" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (simulated)\"}";
        };
    }

    private static String sections(ParameterSet params) {
        List<String> sections = params.find("plan.required_sections").map(v -> params.list("plan.required_sections"))
                .orElse(List.of());
        return sections.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    /** Every outcome of the forecast achieved as forecast. */
    private String outturn(String applicationId) {
        List<CbaResult.OutcomeResult> outcomes = facts.forecast(applicationId).map(CbaResult::outcomes).orElse(List.of());
        return outcomes.stream().map(o -> "{\"name\": \"" + o.name() + "\", \"achieved\": " + o.successesPerYear().toPlainString() + "}")
                .collect(Collectors.joining(", ", "{\"outcomes\": [", "]}"));
    }

    /** Fewer A&E attendances and people into work against £20,000 of costs: a fiscal ratio of about 1.8. */
    private static final String CBA = """
            {"outcomes": [
               {"name": "Fewer A&E attendances", "cohort": 200, "engagementRate": 0.5, "successRate": 0.4,
                "deadweight": 0.25, "unitValueRef": "health.ae_attendance", "firstYear": 1, "years": 2, "confidenceGrade": 2},
               {"name": "Into work", "cohort": 40, "engagementRate": 0.5, "successRate": 0.4, "deadweight": 0.5,
                "unitValueRef": "employment.jsa_claimant_into_work", "firstYear": 1, "years": 1, "confidenceGrade": 3}],
             "costs": [{"year": 0, "capital": 0, "revenue": 20000, "inKind": 0}]}""";
}
