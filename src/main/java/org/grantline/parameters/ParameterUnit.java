package org.grantline.parameters;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;

/** The units a parameter value can have; each knows how to read and check a raw YAML value. */
public enum ParameterUnit {
    GBP, RATIO, COUNT, POINTS, MONTHS, DAYS, DATE, DURATION, LIST, TEXT, BOOLEAN, UNIT_VALUE;

    private static final List<String> VALUE_TYPES = List.of("fiscal", "economic", "social");

    public static ParameterUnit parse(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown unit '" + raw + "' (expected one of "
                    + List.of(values()).toString().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** Converts a raw YAML value into this unit's Java type, or explains why it cannot. */
    Object convert(Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("value is empty");
        }
        return switch (this) {
            case GBP -> money(raw);
            case RATIO, DAYS -> decimal(raw);
            case COUNT, POINTS, MONTHS -> integer(raw);
            case DATE -> LocalDate.parse(raw.toString());
            case DURATION -> duration(raw.toString());
            case LIST -> {
                if (!(raw instanceof List<?> list)) {
                    throw new IllegalArgumentException("a list is expected: " + raw);
                }
                yield list.stream().map(Object::toString).toList();
            }
            case TEXT -> raw.toString();
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw new IllegalArgumentException("true or false is expected: " + raw);
                }
                yield b;
            }
            case UNIT_VALUE -> unitValue(raw);
        };
    }

    private static BigDecimal money(Object raw) {
        BigDecimal money = decimal(raw);
        if (money.scale() > 2) {
            throw new IllegalArgumentException("an amount in GBP has at most 2 decimal places: " + raw);
        }
        return money.setScale(2);
    }

    /** {amount, type, agency, source}: every unit value says where its figure comes from. */
    private static UnitValue unitValue(Object raw) {
        if (!(raw instanceof java.util.Map<?, ?> map)) {
            throw new IllegalArgumentException("a unit value is {amount, type, agency, source}: " + raw);
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        map.keySet().forEach(k -> unknown.add(String.valueOf(k)));
        unknown.removeAll(List.of("amount", "type", "agency", "source"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + " (a unit value is {amount, type, agency, source})");
        }
        for (String required : List.of("amount", "type", "agency", "source")) {
            Object value = map.get(required);
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException("'" + required + "' is missing (a unit value is {amount, type, agency, source})");
            }
        }
        BigDecimal amount = money(map.get("amount"));
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a unit value may not be negative: " + amount);
        }
        String type = map.get("type").toString().trim().toLowerCase(Locale.ROOT);
        if (!VALUE_TYPES.contains(type)) {
            throw new IllegalArgumentException("type '" + map.get("type") + "' is not one of " + VALUE_TYPES);
        }
        return new UnitValue(amount, type, map.get("agency").toString().trim(), map.get("source").toString().trim());
    }

    private static BigDecimal decimal(Object raw) {
        if (raw instanceof Number || raw instanceof String) {
            try {
                return new BigDecimal(raw.toString());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("a number is expected: " + raw);
    }

    private static Integer integer(Object raw) {
        BigDecimal value = decimal(raw);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a whole number is expected: " + raw);
        }
    }

    /** ISO-8601 durations as Camunda timers read them (P112D, PT1H); checked here so a typo fails at load. */
    private static String duration(String raw) {
        try {
            if (raw.contains("T")) {
                Duration.parse(raw);
            } else {
                Period.parse(raw);
            }
            return raw;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an ISO-8601 duration such as P112D is expected: " + raw);
        }
    }
}
