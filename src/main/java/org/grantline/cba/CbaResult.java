package org.grantline.cba;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A worked-out cost-benefit analysis: present values (GBP, to the penny), the fiscal benefit-cost ratio and the
 * public value ratio (to 2 decimals), net present value, the first year cumulative discounted benefits cover
 * cumulative discounted costs (null: never within the appraisal), benefits by agency, and every step of the
 * working in words.
 */
public record CbaResult(BigDecimal presentValueCosts, BigDecimal presentValueFiscal, BigDecimal presentValueEconomic,
                        BigDecimal presentValueSocial, BigDecimal presentValueBenefits, BigDecimal fiscalRatio,
                        BigDecimal publicValueRatio, BigDecimal netPresentValue, Integer fiscalPaybackYear,
                        Integer publicValuePaybackYear, Map<String, BigDecimal> benefitsByAgency, List<String> steps) {
}
