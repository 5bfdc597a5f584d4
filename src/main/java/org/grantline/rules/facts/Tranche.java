package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Output: one payment tranche of an award. Status PAYABLE (due on dueOn) or WITHHELD until a later
 * decision releases it (see {@link Release}); releasedBy names that event for people reading the ledger.
 */
public record Tranche(String awardType, int number, BigDecimal amount, String status, LocalDate dueOn, String releasedBy) {}
