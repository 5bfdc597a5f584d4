package org.grantline.rules.facts;

import java.math.BigDecimal;

/** Output: a grant awarded, by type, and the clause that awarded it. */
public record Award(String type, BigDecimal amount, String clause) {}
