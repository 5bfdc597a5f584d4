package org.grantline.cba;

import org.grantline.cba.CbaInput.CostYear;
import org.grantline.cba.CbaInput.Outcome;
import org.grantline.cba.CbaInput.ValueType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HM Treasury Green Book appraisal as the New Economy (GMCA) model used by Our Place works it: per outcome
 * and year, benefit = cohort × engagement × success × (1 − deadweight) × unit value, less the optimism-bias
 * correction of its confidence grade; costs and benefits discounted at the Green Book rate to present values.
 * Exact decimals throughout (40 significant digits), rounded to the penny only in the results.
 */
public final class CbaCalculator {

    /** The Green Book's 3.5% holds for years 0 to 30; later years would need its declining rates. */
    public static final int LAST_YEAR = 30;
    public static final int MAX_LINES = 200;
    private static final MathContext EXACT = new MathContext(40, RoundingMode.HALF_EVEN);

    public static CbaResult calculate(CbaInput input, CbaTables tables) {
        check(input, tables);
        List<String> steps = new ArrayList<>();
        int lastYear = lastYear(input);
        BigDecimal[] factors = discountFactors(tables.discountRate(), lastYear);
        steps.add("Discount factors at " + percent(tables.discountRate()) + " a year: year t counts 1 / (1 + "
                + tables.discountRate().toPlainString() + ")^t (year 0 undiscounted).");

        BigDecimal[] costs = new BigDecimal[lastYear + 1];
        java.util.Arrays.fill(costs, BigDecimal.ZERO);
        for (CostYear cost : input.costs()) {
            costs[cost.year()] = costs[cost.year()].add(cost.total());
        }
        BigDecimal pvCosts = BigDecimal.ZERO;
        for (int year = 0; year <= lastYear; year++) {
            if (costs[year].signum() != 0) {
                BigDecimal pv = costs[year].multiply(factors[year], EXACT);
                pvCosts = pvCosts.add(pv);
                steps.add("Costs in year " + year + ": " + money(costs[year]) + " (capital, revenue and in kind), present value "
                        + money(pv) + ".");
            }
        }

        Map<ValueType, BigDecimal> pvByType = new EnumMap<>(ValueType.class);
        for (ValueType type : ValueType.values()) {
            pvByType.put(type, BigDecimal.ZERO);
        }
        Map<String, BigDecimal> byAgency = new TreeMap<>();
        BigDecimal[] fiscalByYear = zeros(lastYear);
        BigDecimal[] allByYear = zeros(lastYear);
        List<CbaResult.OutcomeResult> outcomes = new ArrayList<>();
        for (Outcome outcome : input.outcomes()) {
            BigDecimal successes = BigDecimal.valueOf(outcome.cohort()).multiply(outcome.engagementRate())
                    .multiply(outcome.successRate());
            BigDecimal gross = successes.multiply(BigDecimal.ONE.subtract(outcome.deadweight()))
                    .multiply(outcome.unitValue());
            BigDecimal bias = tables.optimismBias().get(outcome.confidenceGrade());
            BigDecimal yearly = gross.multiply(BigDecimal.ONE.subtract(bias));
            BigDecimal pv = BigDecimal.ZERO;
            for (int year = outcome.firstYear(); year < outcome.firstYear() + outcome.years(); year++) {
                BigDecimal discounted = yearly.multiply(factors[year], EXACT);
                pv = pv.add(discounted);
                allByYear[year] = allByYear[year].add(discounted);
                if (outcome.type() == ValueType.FISCAL) {
                    fiscalByYear[year] = fiscalByYear[year].add(discounted);
                }
            }
            pvByType.merge(outcome.type(), pv, BigDecimal::add);
            byAgency.merge(outcome.agency(), pv, BigDecimal::add);
            int lastOutcomeYear = outcome.firstYear() + outcome.years() - 1;
            outcomes.add(new CbaResult.OutcomeResult(outcome.name(), outcome.unitValueRef(), outcome.unitValue(),
                    outcome.type().name(), outcome.agency(), outcome.source(), outcome.deadweight(),
                    successes.stripTrailingZeros(), pence(yearly), outcome.firstYear(), lastOutcomeYear, pence(pv)));
            steps.add(outcome.name() + ": " + outcome.cohort() + " people × " + percent(outcome.engagementRate())
                    + " engaged × " + percent(outcome.successRate()) + " succeed × (1 − " + percent(outcome.deadweight())
                    + " deadweight) × " + money(outcome.unitValue()) + " (" + outcome.type().name().toLowerCase(Locale.ROOT)
                    + ", " + outcome.agency() + "; source: " + outcome.source() + ") = " + money(gross)
                    + " a year; less " + percent(bias)
                    + " optimism bias (confidence grade " + outcome.confidenceGrade() + ") = " + money(yearly)
                    + " a year in years " + outcome.firstYear() + " to " + lastOutcomeYear
                    + "; present value " + money(pv) + ".");
        }

        BigDecimal pvFiscal = pvByType.get(ValueType.FISCAL);
        BigDecimal pvBenefits = pvFiscal.add(pvByType.get(ValueType.ECONOMIC)).add(pvByType.get(ValueType.SOCIAL));
        BigDecimal fiscalRatio = ratio(pence(pvFiscal), pence(pvCosts));
        BigDecimal publicValueRatio = ratio(pence(pvBenefits), pence(pvCosts));
        BigDecimal npv = pvBenefits.subtract(pvCosts);
        Integer fiscalPayback = payback(fiscalByYear, costs, factors);
        Integer publicValuePayback = payback(allByYear, costs, factors);
        steps.add("Present value of costs " + money(pvCosts) + "; of benefits " + money(pvBenefits) + " (fiscal "
                + money(pvFiscal) + ", economic " + money(pvByType.get(ValueType.ECONOMIC)) + ", social "
                + money(pvByType.get(ValueType.SOCIAL)) + ").");
        steps.add("Fiscal benefit-cost ratio " + text(fiscalRatio) + " (fiscal benefits ÷ costs); public value ratio "
                + text(publicValueRatio) + " (all benefits ÷ costs); net present value " + money(npv) + ".");
        steps.add(fiscalPayback == null ? "Fiscal benefits do not repay the costs within the appraisal."
                : "Fiscal benefits repay the costs in year " + fiscalPayback + ".");
        steps.add(publicValuePayback == null ? "All benefits together do not repay the costs within the appraisal."
                : "All benefits together repay the costs in year " + publicValuePayback + ".");

        Map<String, BigDecimal> agencies = new TreeMap<>();
        byAgency.forEach((agency, pv) -> agencies.put(agency, pence(pv)));
        return new CbaResult(pence(pvCosts), pence(pvFiscal), pence(pvByType.get(ValueType.ECONOMIC)),
                pence(pvByType.get(ValueType.SOCIAL)), pence(pvBenefits), fiscalRatio, publicValueRatio, pence(npv),
                fiscalPayback, publicValuePayback, agencies, outcomes, steps);
    }

    /** Refuses what cannot be appraised, naming the field: rates outside 0..1, years beyond the Green Book rate. */
    private static void check(CbaInput input, CbaTables tables) {
        Problems problems = new Problems();
        if (input.costs().isEmpty()) {
            problems.add("costs", "at least one year of costs is needed");
        }
        if (input.outcomes().size() > MAX_LINES || input.costs().size() > MAX_LINES) {
            problems.add("outcomes", "at most " + MAX_LINES + " outcomes and " + MAX_LINES + " cost lines");
            problems.throwIfAny();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < input.outcomes().size(); i++) {
            Outcome o = input.outcomes().get(i);
            String at = "outcomes[" + i + "].";
            if (o.name() == null || o.name().isBlank()) {
                problems.add(at + "name", "every outcome needs a name");
            } else if (!names.add(o.name().trim().toLowerCase(Locale.ROOT))) {
                problems.add(at + "name", "another outcome is already called '" + o.name() + "' (the outturn is reported by name)");
            }
            if (o.cohort() < 0) {
                problems.add(at + "cohort", "may not be negative");
            }
            rate(at + "engagementRate", o.engagementRate(), problems);
            rate(at + "successRate", o.successRate(), problems);
            rate(at + "deadweight", o.deadweight(), problems);
            if (o.unitValue() == null || o.unitValue().signum() < 0) {
                problems.add(at + "unitValue", "a value of at least 0 is needed");
            }
            if (o.firstYear() < 0 || o.years() < 1 || o.firstYear() + o.years() - 1 > LAST_YEAR) {
                problems.add(at + "years", "benefits fall in years 0 to " + LAST_YEAR);
            }
            if (!tables.optimismBias().containsKey(o.confidenceGrade())) {
                problems.add(at + "confidenceGrade", "one of " + tables.optimismBias().keySet());
            }
            if (o.type() == null) {
                problems.add(at + "type", "one of " + java.util.Arrays.toString(ValueType.values()));
            }
            if (o.agency() == null || o.agency().isBlank()) {
                problems.add(at + "agency", "who benefits is needed");
            }
            if (o.source() == null || o.source().isBlank()) {
                problems.add(at + "source", "where the unit value comes from is needed");
            }
        }
        for (int i = 0; i < input.costs().size(); i++) {
            CostYear c = input.costs().get(i);
            if (c.year() < 0 || c.year() > LAST_YEAR) {
                problems.add("costs[" + i + "].year", "0 to " + LAST_YEAR);
            }
            if (c.capital() == null || c.revenue() == null || c.inKind() == null
                    || c.capital().signum() < 0 || c.revenue().signum() < 0 || c.inKind().signum() < 0) {
                problems.add("costs[" + i + "]", "capital, revenue and in kind are amounts of at least 0");
            }
        }
        problems.throwIfAny();
    }

    private static void rate(String field, BigDecimal rate, Problems problems) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            problems.add(field, "a share from 0 to 1");
        }
    }

    private static int lastYear(CbaInput input) {
        int last = 0;
        for (Outcome o : input.outcomes()) {
            last = Math.max(last, o.firstYear() + o.years() - 1);
        }
        for (CostYear c : input.costs()) {
            last = Math.max(last, c.year());
        }
        return last;
    }

    private static BigDecimal[] discountFactors(BigDecimal rate, int lastYear) {
        BigDecimal[] factors = new BigDecimal[lastYear + 1];
        BigDecimal growth = BigDecimal.ONE;
        for (int year = 0; year <= lastYear; year++) {
            factors[year] = BigDecimal.ONE.divide(growth, EXACT);
            growth = growth.multiply(BigDecimal.ONE.add(rate));
        }
        return factors;
    }

    /** The first year cumulative discounted benefits reach cumulative discounted costs, once any benefit has come. */
    private static Integer payback(BigDecimal[] benefits, BigDecimal[] costs, BigDecimal[] factors) {
        BigDecimal cumulativeBenefits = BigDecimal.ZERO;
        BigDecimal cumulativeCosts = BigDecimal.ZERO;
        for (int year = 0; year < benefits.length; year++) {
            cumulativeBenefits = cumulativeBenefits.add(benefits[year]);
            cumulativeCosts = cumulativeCosts.add(costs[year].multiply(factors[year], EXACT));
            if (cumulativeBenefits.signum() > 0 && cumulativeBenefits.compareTo(cumulativeCosts) >= 0) {
                return year;
            }
        }
        return null;
    }

    /** As the rules' Cba fact works it out, so that what the applicant reads is what P4 and M2 compare. */
    private static BigDecimal ratio(BigDecimal benefits, BigDecimal costs) {
        return costs.signum() == 0 ? null : benefits.divide(costs, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal[] zeros(int lastYear) {
        BigDecimal[] values = new BigDecimal[lastYear + 1];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static BigDecimal pence(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(pence(value));
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    private static String text(BigDecimal ratio) {
        return ratio == null ? "n/a (no costs)" : ratio.toPlainString();
    }

    private CbaCalculator() {
    }
}
