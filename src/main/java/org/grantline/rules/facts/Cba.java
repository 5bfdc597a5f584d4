package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Cost-benefit analysis figures in present values (GBP). Ratios are derived, to 4 decimal places. */
public record Cba(BigDecimal costs, BigDecimal fiscalBenefits, BigDecimal economicBenefits, BigDecimal socialBenefits) {

    public BigDecimal getFiscalRatio() {
        return ratio(fiscalBenefits);
    }

    public BigDecimal getPublicValueRatio() {
        return ratio(getTotalBenefits());
    }

    public BigDecimal getTotalBenefits() {
        return fiscalBenefits.add(economicBenefits).add(socialBenefits);
    }

    private BigDecimal ratio(BigDecimal benefits) {
        return costs.signum() == 0 ? BigDecimal.ZERO : benefits.divide(costs, 4, RoundingMode.HALF_EVEN);
    }
}
