package org.grantline.trail;

import org.grantline.rules.facts.Tranche;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new decision's trail entry takes the record's JSON columns as written (fix 36); its text must be the one
 * that parsing and writing them again gives, which is what the trail held before, so that both kinds of entry
 * read and verify alike.
 */
class DecisionContentTest {

    @Test
    void theEntryOfANewRecordReadsAsTheStoredRecordsContentAndHasTheSameText() {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", "Tranche");
        fact.put("fact", new Tranche("GETTING_READY", 1, new BigDecimal("1500.50"), "PAID", LocalDate.of(2014, 3, 31),
                "d\u00e9cision \"one\"\n\ttab \u2028 \u00a3"));
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("zeroes", new BigDecimal("0.000"));
        odd.put("exponent", new BigDecimal("1E+3"));
        odd.put("small", new BigDecimal("1E-7"));
        odd.put("big", Long.MAX_VALUE);
        odd.put("none", null);
        odd.put("empty", List.of());
        odd.put("nested", Map.of("b", List.of(true, false), "a", Map.of()));
        String inputs = CanonicalJson.write(List.of(fact, Map.of("type", "Odd", "fact", odd)));
        String outputs = CanonicalJson.write(Map.of("outcome", "ELIGIBLE", "values", Map.of("score", 12,
                "grant", new BigDecimal("10000.00"))));
        String fired = CanonicalJson.write(List.of(Map.of("rule", "E1 lead is eligible", "clause", "E1")));
        Instant at = Instant.parse("2014-02-10T09:00:00.123456Z");

        String written = CanonicalJson.write(DecisionContent.of("id-1", "app-1", "OP-2014", "eligibility",
                "ELIGIBLE", "OP-2014@3", LocalDate.of(2014, 2, 10), inputs, outputs, fired, "pi-1", "Task_Eligibility",
                "PROCESS", null, at));

        Map<String, Object> row = new HashMap<>();
        row.put("id", "id-1");
        row.put("application_id", "app-1");
        row.put("round_code", "OP-2014");
        row.put("decision", "eligibility");
        row.put("outcome", "ELIGIBLE");
        row.put("ruleset_version", "OP-2014@3");
        row.put("decision_date", LocalDate.of(2014, 2, 10));
        row.put("inputs", inputs);
        row.put("outputs", outputs);
        row.put("fired", fired);
        row.put("process_instance_id", "pi-1");
        row.put("activity_id", "Task_Eligibility");
        row.put("trigger_type", "PROCESS");
        row.put("triggered_by", null);
        row.put("recorded_at", Timestamp.from(at));
        assertThat(written).isEqualTo(CanonicalJson.write(DecisionContent.of(row)));
        assertThat(written).contains("\"inputs\":" + inputs + ",");
    }
}
