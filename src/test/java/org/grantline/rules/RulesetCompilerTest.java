package org.grantline.rules;

import org.grantline.rules.facts.Application;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesetCompilerTest {

    static final String ROUND = "code: T-1\nname: Test round\nprocess: test\n";
    static final String PARAMS = """
            grant:
              description: a grant
              unit: gbp
              values:
                2014-01-01: 3000
                2015-06-01: 3500
            """;
    static final String DECISION = """
            package test.award;
            import org.grantline.rules.facts.*;
            global org.grantline.parameters.ParameterSet params;

            rule "R1 Award the grant"
            when
                DecisionDate()
            then
                insert(new Value("grant", params.money("grant")));
                insert(new Outcome("AWARDED"));
            end
            """;

    static RulesetFiles files(Map<String, String> extra) {
        Map<String, String> files = new TreeMap<>(Map.of("round.yaml", ROUND, "parameters/grant.yaml", PARAMS,
                "award.drl", DECISION));
        files.putAll(extra);
        return new RulesetFiles("T-1", new TreeMap<>(files));
    }

    @Test
    void decidesWithTheParameterValueInForceOnTheDecisionDate() {
        Ruleset ruleset = new RulesetCompiler().compile(files(Map.of()));
        assertThat(DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-05-31"), List.of())
                .values().get("grant").toString()).isEqualTo("3000.00");
        DecisionResult later = DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-06-01"), List.of());
        assertThat(later.values().get("grant").toString()).isEqualTo("3500.00");
        assertThat(later.firedClauses()).containsExactly("R1");
        assertThat(later.outcome()).isEqualTo("AWARDED");
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedAsFileLineMessage() {
        String broken = DECISION.replace("insert(new Outcome(\"AWARDED\"));", "insert(new Outcome(\"AWARDED\")) oops;");
        assertThatThrownBy(() -> new RulesetCompiler().compile(files(Map.of("award.drl", broken))))
                .isInstanceOf(RulesetInvalidException.class)
                .satisfies(e -> assertThat(((RulesetInvalidException) e).problems())
                        .anySatisfy(p -> assertThat(p).matches("T-1/award\\.drl:\\d+:\\d+: .+")));
    }

    @Test
    void everyParameterProblemIsReportedWithFileAndKey() {
        String bad = """
                grant:
                  description: a grant
                  unit: gbp
                  values:
                    2015-06-01: 3500
                    2014-01-01: 3000
                cap:
                  unit: furlongs
                  values: {2014-01-01: 1}
                """;
        assertThatThrownBy(() -> new RulesetCompiler().compile(files(Map.of("parameters/grant.yaml", bad))))
                .isInstanceOf(RulesetInvalidException.class)
                .satisfies(e -> assertThat(((RulesetInvalidException) e).problems()).containsExactlyInAnyOrder(
                        "T-1/parameters/grant.yaml: grant: effective dates must be in increasing order without repeats: "
                                + "2014-01-01 comes after 2015-06-01",
                        "T-1/parameters/grant.yaml: cap: 'description' is missing"));
    }

    @Test
    void aDecisionWithoutOutcomeIsADefectOfTheRules() {
        Ruleset ruleset = new RulesetCompiler().compile(files(Map.of("award.drl",
                DECISION.replace("insert(new Outcome(\"AWARDED\"));", "insert(new Failure(\"R1\", \"x\"));"))));
        assertThatThrownBy(() -> DecisionEngine.decide(ruleset, "award", LocalDate.parse("2015-01-01"), List.of()))
                .isInstanceOf(DecisionFailedException.class).hasMessageContaining("no rule set an Outcome");
    }

    @Test
    void theVersionIsTheContentHashOfTheDecisionFiles() {
        RulesetFiles one = files(Map.of());
        RulesetFiles same = files(Map.of());
        RulesetFiles changed = files(Map.of("parameters/grant.yaml", PARAMS.replace("3500", "3600")));
        assertThat(one.version()).isEqualTo(same.version()).hasSize(64).isNotEqualTo(changed.version());
    }

    @Test
    void aVerdictSharingItsExistsNodeWithAnotherRuleStillFires() {
        // The shape that made Drools 10.2 lose the verdict when beta nodes were shared (see RulesetCompiler).
        String intake = """
                package test.intake;
                import org.grantline.rules.facts.*;
                global org.grantline.parameters.ParameterSet params;

                rule "E6 Too many themes"
                when
                    Application( themes.size() > 3 )
                then
                    insert(new Failure("E6", "too many themes"));
                end

                rule "INTAKE Invalid"
                    salience -100
                when
                    exists Failure()
                    not Failure( clause == "E9" )
                then
                    insert(new Outcome("INVALID"));
                end

                rule "INTAKE Valid"
                    salience -100
                when
                    not Failure()
                then
                    insert(new Outcome("VALID"));
                end
                """;
        String shared = """
                package test.shared;
                import org.grantline.rules.facts.*;

                rule "NO-AWARD Withdraw the awards of a refused decision"
                    salience -90
                when
                    exists Failure()
                    $award : Award()
                then
                    delete($award);
                end
                """;
        Ruleset ruleset = new RulesetCompiler().compile(files(Map.of("intake.drl", intake, "shared/awards.drl", shared)));
        Application application = new Application("a-1", "T-1", "Lead", "VCS_BODY", true, true, true,
                BigDecimal.TEN, "Area", "District", true, List.of("HOUSING", "EDUCATION", "ENVIRONMENT", "YOUNG_PEOPLE"),
                true, true, true, LocalDate.parse("2015-04-10"));
        DecisionResult result = DecisionEngine.decide(ruleset, "intake", LocalDate.parse("2015-04-10"), List.of(application));
        assertThat(result.outcome()).isEqualTo("INVALID");
        assertThat(result.firedClauses()).contains("E6");
    }

    @Test
    void eachDecisionDecidesWithItsOwnRulesAndTheSharedOnes() {
        // Shared packages are compiled once and given to every decision's KieBase (RulesetCompiler).
        String other = DECISION.replace("test.award", "test.other").replace("R1 Award the grant", "R2 Other")
                .replace("AWARDED", "OTHER");
        String shared = """
                package test.shared;
                import org.grantline.rules.facts.*;

                declare SharedMark
                    name : String
                end

                rule "S1 Every decision marks its date"
                when
                    DecisionDate()
                then
                    insert(new SharedMark("seen"));
                end

                rule "S2 The mark is seen in the same decision"
                when
                    SharedMark( name == "seen" )
                then
                    insert(new Value("marked", java.math.BigDecimal.ONE));
                end
                """;
        Ruleset ruleset = new RulesetCompiler().compile(files(Map.of("other.drl", other, "shared/mark.drl", shared)));
        LocalDate day = LocalDate.parse("2015-06-01");
        DecisionResult award = DecisionEngine.decide(ruleset, "award", day, List.of());
        DecisionResult second = DecisionEngine.decide(ruleset, "other", day, List.of());
        assertThat(award.firedClauses()).containsExactlyInAnyOrder("R1", "S1", "S2");
        assertThat(award.outcome()).isEqualTo("AWARDED");
        assertThat(second.firedClauses()).containsExactlyInAnyOrder("R2", "S1", "S2");
        assertThat(second.outcome()).isEqualTo("OTHER");
        assertThat(second.values()).containsKey("marked");
        // The same compiled rule, not a copy: Drools copies a package given to a second KieBase unless both
        // load classes through the compile's own class loader (RulesetCompiler.decisionKieBases).
        String rule = "S1 Every decision marks its date";
        assertThat(ruleset.sessions("award").kieBase().getRule("test.shared", rule)).isNotNull()
                .isSameAs(ruleset.sessions("other").kieBase().getRule("test.shared", rule));
    }

    @Test
    void aDecisionWhosePackageLineIsNotItsPackageIsRefused() {
        // The first line starting with "package" sits in a comment: the decision would otherwise have no rules.
        String misleading = "/*\npackage old.award;\n*/\n" + DECISION;
        assertThatThrownBy(() -> new RulesetCompiler().compile(files(Map.of("award.drl", misleading))))
                .isInstanceOf(RulesetInvalidException.class)
                .satisfies(e -> assertThat(((RulesetInvalidException) e).problems())
                        .containsExactly("T-1/award.drl: package old.award was not compiled; the file's first line "
                                + "starting with 'package' must be its package declaration"));
    }

    @Test
    void aCompileLeavesNothingInDroolsGlobalRepository() {
        RulesetFiles files = files(Map.of());
        new RulesetCompiler().compile(files);
        org.kie.api.KieServices kie = org.kie.api.KieServices.Factory.get();
        assertThat(kie.getRepository().getKieModule(kie.newReleaseId("org.grantline.rules", "T-1",
                "0.0.0-" + files.version().substring(0, 16)))).isNull();
    }
}
