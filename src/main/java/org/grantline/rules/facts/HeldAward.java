package org.grantline.rules.facts;

import java.math.BigDecimal;

/** An award this application already holds. */
public record HeldAward(String type, BigDecimal amount) {}
