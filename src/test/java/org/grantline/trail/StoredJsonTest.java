package org.grantline.trail;

import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.intake.ApplicationRequest;
import org.grantline.milestones.Payloads;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
    void typedMapsInRecordsAreReadOnly() {
        Payloads.Commitments commitments = StoredJson.read("""
                {"commitments": [{"provider": "Council", "providerType": "LOCAL_AUTHORITY", "amount": 5000,
                                  "inKind": false}]}""", Payloads.Commitments.class);

        assertThat(commitments.commitments()).hasSize(1);
        assertThatThrownBy(() -> commitments.commitments().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        for (int i = 0; i < StoredJson.CAPACITY + 100; i++) {
            StoredJson.read("{\"n\": " + i + "}", Map.class);
        }
        assertThat(StoredJson.size()).isEqualTo(StoredJson.CAPACITY);
    }

    @Test
    void textThatNoLongerReadsAsItsTypeSaysWhichType() {
        assertThatThrownBy(() -> StoredJson.read("{\"themes\": 3}", ApplicationRequest.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("ApplicationRequest");
    }
}
