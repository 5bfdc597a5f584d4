package org.grantline.decisions;

import org.grantline.rules.facts.Application;
import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.Document;
import org.grantline.rules.facts.OperationalPlan;
import org.grantline.rules.facts.Partner;
import org.grantline.rules.facts.PriorValue;
import org.grantline.rules.facts.RoundPosition;
import org.grantline.trail.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class InputsJsonTest {

    private final InputsJson inputs = new InputsJson();

    @Test
    void writesWhatCanonicalJsonWritesTheFirstTimeAndAgain() {
        List<Object> facts = applicationFacts("a-1");
        String expected = inFull(facts);

        assertThat(inputs.write(facts)).isEqualTo(expected);
        assertThat(inputs.write(applicationFacts("a-1"))).as("equal facts, kept").isEqualTo(expected);
    }

    @Test
    void aFactThatDiffersOnlyInADecimalsScaleIsWrittenAsItIs() {
        List<Object> one = List.of(new Award("GETTING_READY", new BigDecimal("3000.0"), "G1"));
        List<Object> other = List.of(new Award("GETTING_READY", new BigDecimal("3000.00"), "G1"));

        assertThat(inputs.write(one)).isEqualTo(inFull(one)).contains("\"amount\":3000.0,");
        assertThat(inputs.write(other)).isEqualTo(inFull(other)).contains("\"amount\":3000.00,");
    }

    @Test
    void valuesOfOtherTypesAndMapsInAnotherOrderGiveTheirOwnText() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("b", 2);
        ordered.put("a", 1L);
        List<Object> first = List.of(new PriorValue("cbaRequired", true), new PriorValue("score", 10),
                new PriorValue("limits", ordered), new RoundPosition(3, Map.of("GF", 1, "BNG", 2), new BigDecimal("10.00"),
                        Map.of("VCS_BODY", 3)));
        List<Object> second = List.of(new PriorValue("cbaRequired", "true"), new PriorValue("score", 10L),
                new PriorValue("limits", new TreeMap<>(ordered)), new RoundPosition(3, Map.of("BNG", 2, "GF", 1),
                        new BigDecimal("10.0"), Map.of("VCS_BODY", 3)));

        assertThat(inputs.write(first)).isEqualTo(inFull(first));
        assertThat(inputs.write(second)).isEqualTo(inFull(second));
    }

    @Test
    void aFactThatIsNotARecordIsWrittenEachTime() {
        MutableFact fact = new MutableFact();
        fact.names.add("first");
        assertThat(inputs.write(List.of(fact))).contains("first");

        fact.names.add("second");

        assertThat(inputs.write(List.of(fact))).isEqualTo(inFull(List.of(fact))).contains("second");
    }

    @Test
    void keepsNoMoreThanItsLimitAndStaysRight() {
        for (int i = 0; i < InputsJson.KEPT + 50; i++) {
            List<Object> facts = List.of(new Document("DRAFT_PLAN", LocalDate.of(2014, 1, 1).plusDays(i)));
            assertThat(inputs.write(facts)).isEqualTo(inFull(facts));
        }
        assertThat(inputs.keptCount()).isEqualTo(InputsJson.KEPT);
        List<Object> first = List.of(new Document("DRAFT_PLAN", LocalDate.of(2014, 1, 1)));
        assertThat(inputs.write(first)).isEqualTo(inFull(first));
    }

    @Test
    void noFactsAreAnEmptyList() {
        assertThat(inputs.write(List.of())).isEqualTo("[]").isEqualTo(inFull(List.of()));
    }

    private static String inFull(List<Object> facts) {
        return CanonicalJson.write(DecisionRecorder.typed(facts));
    }

    private static List<Object> applicationFacts(String id) {
        return List.of(
                new Application(id, "OP-2014", "Lead", "VCS_BODY", true, true, null, new BigDecimal("250000.50"),
                        "Area", "District", true, List.of("HEALTH_AND_WELLBEING", "OLDER_PEOPLE"), true, true, false,
                        LocalDate.of(2014, 2, 10)),
                new Partner("Council", "LOCAL_AUTHORITY", true),
                new Document("FINAL_PLAN", LocalDate.of(2014, 9, 1)),
                new OperationalPlan("FINAL", LocalDate.of(2014, 9, 1), List.of("ISSUES_AND_RATIONALE", "PROPOSALS"),
                        new BigDecimal("30000")));
    }

    /** A fact class with identity equality and a list that changes: never kept. */
    public static final class MutableFact {
        private final List<String> names = new ArrayList<>();

        public List<String> getNames() {
            return names;
        }
    }
}
