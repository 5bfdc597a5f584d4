package org.grantline.parameters;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;

/** The units a parameter value can have; each knows how to read and check a raw YAML value. */
public enum ParameterUnit {
    GBP, RATIO, COUNT, POINTS, MONTHS, DAYS, DATE, DURATION, LIST, TEXT, BOOLEAN;

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
            case GBP -> {
                BigDecimal money = decimal(raw);
                if (money.scale() > 2) {
                    throw new IllegalArgumentException("an amount in GBP has at most 2 decimal places: " + raw);
                }
                yield money.setScale(2);
            }
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
        };
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
