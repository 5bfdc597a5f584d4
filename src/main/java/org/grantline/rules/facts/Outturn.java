package org.grantline.rules.facts;

import java.math.BigDecimal;

/** Actual outturn reported after implementation: benefits achieved in the same terms as the CBA forecast. */
public record Outturn(BigDecimal actualBenefits) {}
