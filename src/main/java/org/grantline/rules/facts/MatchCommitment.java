package org.grantline.rules.facts;

import java.math.BigDecimal;

/** A match-funding commitment from a provider, and whether it has been paid. */
public record MatchCommitment(String provider, String providerType, BigDecimal amount, boolean inKind, boolean paid) {}
