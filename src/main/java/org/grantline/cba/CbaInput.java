package org.grantline.cba;

import java.math.BigDecimal;
import java.util.List;

/** What a cost-benefit analysis is worked out from: the outcomes it expects and what it costs, year by year. */
public record CbaInput(List<Outcome> outcomes, List<CostYear> costs) {

    public CbaInput {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }

    /** Whose budget a benefit lands in: fiscal (public spending saved), economic or social value. */
    public enum ValueType { FISCAL, ECONOMIC, SOCIAL }

    /**
     * One outcome: of a cohort, the share engaged, of those the share who succeed, less what would have happened
     * anyway (deadweight), each success worth a unit value to an agency, for some years from {@code firstYear};
     * the evidence's confidence grade sets the optimism-bias correction.
     */
    public record Outcome(String name, int cohort, BigDecimal engagementRate, BigDecimal successRate,
                          BigDecimal deadweight, BigDecimal unitValue, ValueType type, String agency,
                          int firstYear, int years, int confidenceGrade) {
    }

    /** Costs in one year (year 0 is the start), in cash and in kind. */
    public record CostYear(int year, BigDecimal capital, BigDecimal revenue, BigDecimal inKind) {

        BigDecimal total() {
            return capital.add(revenue).add(inKind);
        }
    }
}
