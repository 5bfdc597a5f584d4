package org.grantline.cba;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grantline.parameters.UnitValue;
import org.grantline.web.FreeText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** What a cost-benefit analysis is worked out from: the outcomes it expects and what it costs, year by year. */
public record CbaInput(@Size(max = CbaCalculator.MAX_LINES) List<@NotNull @Valid Outcome> outcomes,
                       @Size(max = CbaCalculator.MAX_LINES) List<@NotNull CostYear> costs) {

    public CbaInput {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }

    /** Whose budget a benefit lands in: fiscal (public spending saved), economic or social value. */
    public enum ValueType { FISCAL, ECONOMIC, SOCIAL }

    /**
     * One outcome: of a cohort, the share engaged, of those the share who succeed, less what would have happened
     * anyway (deadweight), each success worth a unit value a year to an agency, for some years from
     * {@code firstYear}; the evidence's confidence grade sets the optimism-bias correction. The unit value is
     * either one of the round's ({@code unitValueRef}, a code of {@code unit_value.*}) or the outcome's own
     * ({@code unitValue}, {@code type}, {@code agency} and the {@code source} of the figure).
     */
    public record Outcome(@Size(max = 200) @FreeText String name, int cohort, BigDecimal engagementRate,
                          BigDecimal successRate, BigDecimal deadweight,
                          @Size(max = 100) @Pattern(regexp = "[a-z0-9_.]*", message = "a code of lower-case letters, digits, _ and .") String unitValueRef,
                          BigDecimal unitValue, ValueType type, @Size(max = 200) @FreeText String agency,
                          @Size(max = 500) @FreeText String source, int firstYear, int years, int confidenceGrade) {

        /** This outcome valued with one of the round's unit values. */
        Outcome valuedAt(UnitValue value) {
            return new Outcome(name, cohort, engagementRate, successRate, deadweight, unitValueRef, value.amount(),
                    ValueType.valueOf(value.type().toUpperCase(Locale.ROOT)), value.agency(), value.source(),
                    firstYear, years, confidenceGrade);
        }

        boolean bringsOwnValue() {
            return unitValue != null || type != null || agency != null || source != null;
        }
    }

    /** Costs in one year (year 0 is the start), in cash and in kind. */
    public record CostYear(int year, BigDecimal capital, BigDecimal revenue, BigDecimal inKind) {

        BigDecimal total() {
            return capital.add(revenue).add(inKind);
        }
    }
}
