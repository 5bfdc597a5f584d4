package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.util.List;

/** Output: a grant awarded, by type, and the clause that awarded it. */
public record Award(String type, BigDecimal amount, String clause) {

    /** Sum of amounts, for rules that cap totals (accumulate with collectList, then total). */
    public static BigDecimal total(List<?> amounts) {
        return amounts.stream().map(BigDecimal.class::cast).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
