package org.grantline.trail;

import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.cba.CbaResult;
import org.grantline.intake.ApplicationRequest;
import org.grantline.milestones.Payloads;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored JSON is parsed once per text (fix 37); what it gives is shared, so nobody can change it. */
class StoredJsonTest {

    private static final String APPLICATION = """
            {"round": "FS-2015",
             "lead": {"name": "Group %s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": false,
                      "incorporated": false, "annualTurnover": 8000.50},
             "area": {"name": "Area", "district": "District", "inEngland": true},
             "partners": [{"name": "Partner", "type": "LOCAL_AUTHORITY", "trackRecord": true}],
             "themes": ["ENVIRONMENT", "YOUNG_PEOPLE"],
             "proposal": {"specificIntervention": false, "needEvidenced": true, "buildsOnPriorActivity": false}}
            """;

    @Test
    void theSameTextIsParsedOnceAndItsListsCannotBeChanged() {
        String json = APPLICATION.formatted("once");
        ApplicationRequest first = StoredJson.read(json, ApplicationRequest.class);
        ApplicationRequest again = StoredJson.read(new String(json.toCharArray()), ApplicationRequest.class);

        assertThat(again).isSameAs(first);
        assertThat(first.lead().annualTurnover()).isEqualByComparingTo(new BigDecimal("8000.50"));
        assertThat(first.themes()).containsExactly("ENVIRONMENT", "YOUNG_PEOPLE");
        assertThatThrownBy(() -> first.themes().add("HEALTH")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.partners().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anotherTextOrAnotherTypeIsParsedAfresh() {
        ApplicationRequest one = StoredJson.read(APPLICATION.formatted("one"), ApplicationRequest.class);
        ApplicationRequest two = StoredJson.read(APPLICATION.formatted("two"), ApplicationRequest.class);
        Map<String, Object> untyped = StoredJson.read(APPLICATION.formatted("one"), new TypeReference<>() {
        });

        assertThat(one.lead().name()).isEqualTo("Group one");
        assertThat(two.lead().name()).isEqualTo("Group two");
        assertThat(untyped).containsKey("lead");
    }

    @Test
    void untypedMapsAndListsAreReadOnlyAtAnyDepth() {
        Map<String, Object> outputs = StoredJson.read("""
                {"values": {"score": 12, "grant": 1000.00, "list": [{"a": 1}]}}""", new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) outputs.get("values");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) values.get("list");

        assertThat(values.get("grant")).isEqualTo(new BigDecimal("1000.00"));
        assertThatThrownBy(() -> outputs.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.remove("score")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(0).put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedListsAndMapsInRecordsAreReadOnly() {
        Payloads.Commitments commitments = StoredJson.read("""
                {"commitments": [{"provider": "Council", "providerType": "LOCAL_AUTHORITY", "amount": 5000,
                                  "inKind": false}]}""", Payloads.Commitments.class);
        CbaResult appraisal = StoredJson.read("""
                {"benefitsByAgency": {"County Council": 1200.50}, "steps": ["one"]}""", CbaResult.class);

        assertThat(commitments.commitments()).hasSize(1);
        assertThatThrownBy(() -> commitments.commitments().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(appraisal.benefitsByAgency()).containsEntry("County Council", new BigDecimal("1200.50"));
        assertThatThrownBy(() -> appraisal.benefitsByAgency().put("x", BigDecimal.ONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** What is shared must not change: every type read through StoredJson holds only immutable parts. */
    @Test
    void theTypesReadThroughItDeclareOnlyImmutableValuesAndCollectionInterfaces() {
        for (Class<?> stored : List.of(ApplicationRequest.class, Payloads.MatchPayment.class,
                Payloads.GettingGoing.class, Payloads.Plan.class, Payloads.Commitments.class,
                Payloads.OutturnFigures.class)) {
            assertThat(mutableParts(stored, new HashSet<>())).as(stored.getSimpleName()).isEmpty();
        }
    }

    private static List<String> mutableParts(Type type, Set<Type> seen) {
        List<String> mutable = new ArrayList<>();
        if (!seen.add(type)) {
            return mutable;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (!List.of(List.class, Set.class, Collection.class, Map.class).contains(raw)) {
                mutable.add(type.getTypeName());
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                mutable.addAll(mutableParts(argument, seen));
            }
        } else if (type instanceof Class<?> plain && plain.isRecord()) {
            for (RecordComponent component : plain.getRecordComponents()) {
                mutable.addAll(mutableParts(component.getGenericType(), seen));
            }
        } else if (!(type instanceof Class<?> plain && (plain.isEnum() || IMMUTABLE.contains(plain)))) {
            mutable.add(type.getTypeName());
        }
        return mutable;
    }

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, BigDecimal.class, Boolean.class,
            Integer.class, Long.class, LocalDate.class, boolean.class, int.class, long.class);

    @Test
    void theCacheKeepsTheRecentlyReadWithinItsLength() {
        String hot = "{\"hot\": \"" + "h".repeat(1000) + "\"}";
        Map<?, ?> first = StoredJson.read(hot, Map.class);
        String filler = "x".repeat(50_000);
        for (int i = 0; i < 2 * StoredJson.MAX_CHARS / filler.length(); i++) {
            StoredJson.read("{\"n\": " + i + ", \"f\": \"" + filler + "\"}", Map.class);
            if (i % 10 == 0) {
                assertThat(StoredJson.read(hot, Map.class)).isSameAs(first);
            }
        }
        assertThat(StoredJson.chars()).isLessThanOrEqualTo(StoredJson.MAX_CHARS)
                .isGreaterThan(StoredJson.MAX_CHARS / 2);
        assertThat(StoredJson.read(hot, Map.class)).as("read recently, so kept").isSameAs(first);
    }

    @Test
    void aTextTooLongToKeepIsParsedEachTime() {
        String longText = "{\"f\": \"" + "y".repeat(StoredJson.MAX_TEXT) + "\"}";
        assertThat(StoredJson.read(longText, Map.class)).isNotSameAs(StoredJson.read(longText, Map.class))
                .isEqualTo(StoredJson.read(longText, Map.class));
    }

    @Test
    void textThatNoLongerReadsAsItsTypeSaysWhichType() {
        assertThatThrownBy(() -> StoredJson.read("{\"themes\": 3}", ApplicationRequest.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("ApplicationRequest");
    }
}
