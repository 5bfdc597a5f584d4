package org.grantline.rules;

import org.grantline.rules.facts.DecisionDate;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision's outputs are the facts in working memory when its rules are done, in the order they were inserted:
 * those no pattern accepted too (an immutable KieBase's session drops them from working memory), without those
 * a rule deleted, with a replaced fact in its place, a fact given twice once.
 */
class DecisionOutputsTest {

    static final String OUTPUTS = """
            package test.outputs;
            import org.grantline.rules.facts.*;
            global org.grantline.parameters.ParameterSet params;

            rule "A1 Award, note and outcome"
            when
                DecisionDate()
            then
                insert(new Award("GRANT", params.money("grant"), "A1"));
                insert(new Value("note", "first"));
                insert(new Value("score", 1));
                insert(new Outcome("DECIDED"));
            end

            rule "A2 A refused award is withdrawn"
            when
                $award : Award()
            then
                delete($award);
            end

            rule "A3 The note is replaced in place"
            when
                $note : Value(name == "note", value == "first")
            then
                update(drools.getFactHandle($note), new Value("note", "second"));
            end
            """;

    final Ruleset ruleset = new RulesetCompiler().compile(RulesetCompilerTest.files(Map.of("outputs.drl", OUTPUTS)));

    @Test
    void outputsAreWhatWorkingMemoryHoldsWhenTheRulesAreDone() {
        Flag givenTwice = new Flag("F1", "X1", "given as a fact, twice");

        DecisionResult result = DecisionEngine.decide(ruleset, "outputs", LocalDate.parse("2014-02-10"),
                List.of(givenTwice, givenTwice));

        assertThat(result.outcome()).as("an Outcome, which no rule matches").isEqualTo("DECIDED");
        assertThat(result.awards()).as("deleted by A2").isEmpty();
        assertThat(result.values()).as("in insertion order, the note replaced in its place")
                .containsExactly(Map.entry("note", "second"), Map.entry("score", 1));
        assertThat(result.flags()).as("one object, given twice").containsExactly(givenTwice);
        assertThat(result.firedClauses()).containsExactlyInAnyOrder("A1", "A2", "A3");
    }

    @Test
    void workingMemoryKeepsOnlyWhatAPatternAcceptedSoOutputsAreTakenAsTheyAreInserted() {
        LocalDate day = LocalDate.parse("2014-02-10");
        List<Object> held = ruleset.sessions("outputs").withSession(session -> {
            session.setGlobal("params", ruleset.parameters().on(day));
            session.insert(new DecisionDate(day));
            session.fireAllRules();
            return List.copyOf(session.getObjects());
        });

        assertThat(held).as("the KieBase is immutable: its session drops facts no pattern accepted")
                .noneMatch(Outcome.class::isInstance)
                .anyMatch(DecisionDate.class::isInstance);
    }
}
