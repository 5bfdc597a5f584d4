package org.grantline.rules.facts;

import java.math.BigDecimal;

/**
 * One outcome of the CBA forecast beside its outturn (M4): successes a year forecast and achieved, and the
 * benefit a year each stands for (GBP; the forecast after deadweight and optimism bias, the actual after
 * deadweight at the same unit value).
 */
public record OutturnLine(String outcome, BigDecimal forecastSuccesses, BigDecimal achieved,
                          BigDecimal forecastBenefit, BigDecimal actualBenefit) {}
