package org.grantline.rules.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.facts.Failure;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.Tranche;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares a decision result with a scenario's {@code expect} block; each difference becomes one message. */
final class ExpectationCheck {

    static void compare(JsonNode expect, DecisionResult result, List<String> mismatches) {
        for (Iterator<String> names = expect.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode expected = expect.get(name);
            switch (name) {
                case "outcome" -> same("outcome", expected.asText(), result.outcome(), mismatches);
                case "failures" -> sameSet("failed clauses", texts(expected),
                        result.failures().stream().map(Failure::clause).toList(), mismatches);
                case "fired" -> texts(expected).stream()
                        .filter(clause -> !result.firedClauses().contains(clause))
                        .forEach(clause -> mismatches.add("expected " + clause + " to fire; fired "
                                + result.firedClauses()));
                case "notFired" -> texts(expected).stream()
                        .filter(clause -> result.firedClauses().contains(clause))
                        .forEach(clause -> mismatches.add("expected " + clause + " not to fire"));
                case "score" -> same("score", expected.asText(), String.valueOf(result.totalScore()), mismatches);
                case "values" -> values(expected, result.values(), mismatches);
                case "awards" -> sameSet("awards", rows(expected, "type", "amount"), result.awards().stream()
                        .map(a -> row(a.type(), a.amount())).toList(), mismatches);
                case "tranches" -> sameSet("tranches", rows(expected, "awardType", "number", "amount", "status"),
                        result.tranches().stream().map(ExpectationCheck::row).toList(), mismatches);
                case "releases" -> sameSet("releases", rows(expected, "awardType", "number"),
                        result.releases().stream().map(r -> row(r.awardType(), r.number())).toList(), mismatches);
                case "conditions" -> sameSet("conditions", rows(expected, "code", "status"),
                        result.conditions().stream().map(c -> row(c.code(), c.status())).toList(), mismatches);
                case "flags" -> sameSet("flags", texts(expected),
                        result.flags().stream().map(Flag::code).toList(), mismatches);
                default -> mismatches.add("unknown expectation '" + name + "'");
            }
        }
    }

    private static String row(Tranche t) {
        return row(t.awardType(), t.number(), t.amount(), t.status());
    }

    private static String row(Object... parts) {
        List<String> texts = new ArrayList<>();
        for (Object part : parts) {
            texts.add(part instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(part));
        }
        return String.join(" ", texts);
    }

    private static List<String> rows(JsonNode expected, String... fields) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : expected) {
            Object[] parts = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                JsonNode field = item.path(fields[i]);
                parts[i] = field.isNumber() ? field.decimalValue() : field.asText();
            }
            rows.add(row(parts));
        }
        return rows;
    }

    private static void values(JsonNode expected, Map<String, Object> actual, List<String> mismatches) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object value = actual.get(entry.getKey());
            String actualText = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : String.valueOf(value);
            String expectedText = entry.getValue().isNumber()
                    ? entry.getValue().decimalValue().stripTrailingZeros().toPlainString()
                    : entry.getValue().isNull() ? "null" : entry.getValue().asText();
            same("value " + entry.getKey(), expectedText, actualText, mismatches);
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static void same(String what, String expected, String actual, List<String> mismatches) {
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void sameSet(String what, List<String> expected, List<String> actual, List<String> mismatches) {
        if (!new TreeSet<>(expected).equals(new TreeSet<>(actual)) || expected.size() != actual.size()) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private ExpectationCheck() {
    }
}
