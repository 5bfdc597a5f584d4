package org.grantline.parameters;

import java.math.BigDecimal;

/**
 * What one success of an outcome is worth a year (a {@code unit_value} parameter): the amount in GBP, whether it
 * is a fiscal, economic or social value, which agency it benefits, and where the figure comes from.
 */
public record UnitValue(BigDecimal amount, String type, String agency, String source) {
}
