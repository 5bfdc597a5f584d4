package org.grantline.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads parameter files (OpenFisca style):
 * <pre>
 * getting_ready.grant:
 *   description: Getting Ready grant paid on acceptance
 *   reference: programme.md R1
 *   unit: gbp
 *   values:
 *     2014-01-01: 3000
 * </pre>
 * Every problem is collected as "file: key: message" so that a designer sees all of them at once.
 */
public final class ParameterFileLoader {

    // Amounts are read as decimals, never through double.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    /** @param files path (for messages) to file content */
    public static ParameterStore load(Map<String, String> files, List<String> problems) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        files.forEach((path, content) -> readFile(path, content, parameters, problems));
        return new ParameterStore(parameters);
    }

    private static void readFile(String path, String content, Map<String, Parameter> into, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            problems.add(path + ": not valid YAML: " + e.getMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(path + ": expected a map of parameter names to definitions");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            List<String> keyProblems = new ArrayList<>();
            Parameter parameter = readParameter(path, key, field.getValue(), keyProblems);
            keyProblems.forEach(p -> problems.add(path + ": " + key + ": " + p));
            if (parameter == null) {
                continue;
            }
            Parameter earlier = into.putIfAbsent(key, parameter);
            if (earlier != null) {
                problems.add(path + ": " + key + ": already defined in " + earlier.file());
            }
        }
    }

    private static Parameter readParameter(String path, String key, JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("expected description, reference, unit and values");
            return null;
        }
        for (String required : List.of("description", "unit", "values")) {
            if (!node.hasNonNull(required)) {
                problems.add("'" + required + "' is missing");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("description", "reference", "unit", "values").contains(name)) {
                problems.add("unknown field '" + name + "'");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        ParameterUnit unit;
        try {
            unit = ParameterUnit.parse(node.get("unit").asText());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        TreeMap<LocalDate, Object> values = readValues(node.get("values"), unit, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Parameter(key, node.get("description").asText(),
                node.hasNonNull("reference") ? node.get("reference").asText() : null, unit, values, path);
    }

    private static TreeMap<LocalDate, Object> readValues(JsonNode node, ParameterUnit unit, List<String> problems) {
        TreeMap<LocalDate, Object> values = new TreeMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problems.add("'values' must map at least one effective date (YYYY-MM-DD) to a value");
            return values;
        }
        LocalDate previous = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            LocalDate effective;
            try {
                effective = LocalDate.parse(entry.getKey());
            } catch (DateTimeParseException e) {
                problems.add("effective date '" + entry.getKey() + "' is not a date (YYYY-MM-DD)");
                continue;
            }
            if (previous != null && !effective.isAfter(previous)) {
                problems.add("effective dates must be in increasing order without repeats: "
                        + effective + " comes after " + previous);
            }
            previous = effective;
            try {
                values.put(effective, unit.convert(YAML.convertValue(entry.getValue(), Object.class)));
            } catch (RuntimeException e) {
                problems.add("value from " + effective + ": " + e.getMessage());
            }
        }
        return values;
    }

    private ParameterFileLoader() {
    }
}
