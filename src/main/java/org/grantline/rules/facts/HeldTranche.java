package org.grantline.rules.facts;

import java.math.BigDecimal;

/** A tranche of an award this application already holds, with its ledger status (PAYABLE, PAID, WITHHELD). */
public record HeldTranche(String awardType, int number, BigDecimal amount, String status) {}
