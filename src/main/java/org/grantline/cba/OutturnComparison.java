package org.grantline.cba;

import org.grantline.rules.facts.OutturnLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts what each outcome achieved beside its forecast (M4): the actual benefit a year is what was achieved, less
 * the forecast's deadweight, at the forecast's unit value; the rules judge the variance.
 */
public final class OutturnComparison {

    /** One line per outcome of the forecast, in its order; an outcome without a figure counts as none achieved. */
    public static List<OutturnLine> lines(CbaResult forecast, Map<String, BigDecimal> achievedByName) {
        Map<String, BigDecimal> achieved = byKey(achievedByName);
        List<OutturnLine> lines = new ArrayList<>();
        for (CbaResult.OutcomeResult outcome : forecast.outcomes()) {
            BigDecimal count = achieved.getOrDefault(key(outcome.name()), BigDecimal.ZERO);
            BigDecimal actual = count.multiply(BigDecimal.ONE.subtract(outcome.deadweight())).multiply(outcome.unitValue())
                    .setScale(2, RoundingMode.HALF_UP);
            lines.add(new OutturnLine(outcome.name(), outcome.successesPerYear(), count, outcome.benefitPerYear(), actual));
        }
        return lines;
    }

    /** Why these figures cannot be compared with the forecast, naming the field; empty when they can. */
    public static Optional<String> mismatch(CbaResult forecast, List<String> reportedNames) {
        List<String> expected = forecast.outcomes().stream().map(CbaResult.OutcomeResult::name).toList();
        List<String> expectedKeys = expected.stream().map(OutturnComparison::key).toList();
        List<String> seen = new ArrayList<>();
        for (String name : reportedNames) {
            if (!expectedKeys.contains(key(name))) {
                return Optional.of("the CBA forecast has no outcome '" + name + "'; its outcomes are " + expected);
            }
            if (seen.contains(key(name))) {
                return Optional.of("'" + name + "' is reported twice");
            }
            seen.add(key(name));
        }
        List<String> missing = expected.stream().filter(name -> !seen.contains(key(name))).toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("no figure for " + missing + ": report every outcome of the forecast (0 if none achieved)");
    }

    private static Map<String, BigDecimal> byKey(Map<String, BigDecimal> byName) {
        Map<String, BigDecimal> keyed = new TreeMap<>();
        byName.forEach((name, value) -> keyed.put(key(name), value));
        return keyed;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private OutturnComparison() {
    }
}
