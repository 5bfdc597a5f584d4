package org.grantline.cba;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A worked-out cost-benefit analysis: present values (GBP, to the penny), the fiscal benefit-cost ratio and the
 * public value ratio (of the rounded present values, to 4 decimals, as the rules compare them), net present
 * value, the first year cumulative discounted benefits cover cumulative discounted costs (null: never within the
 * appraisal), benefits by agency, each outcome's working, and every step in words.
 */
public record CbaResult(BigDecimal presentValueCosts, BigDecimal presentValueFiscal, BigDecimal presentValueEconomic,
                        BigDecimal presentValueSocial, BigDecimal presentValueBenefits, BigDecimal fiscalRatio,
                        BigDecimal publicValueRatio, BigDecimal netPresentValue, Integer fiscalPaybackYear,
                        Integer publicValuePaybackYear, Map<String, BigDecimal> benefitsByAgency,
                        List<OutcomeResult> outcomes, List<String> steps) {

    /**
     * One outcome as appraised: the unit value used and its source, the successes a year forecast (cohort ×
     * engagement × success, before deadweight), the benefit a year after deadweight and optimism bias, and its
     * present value over its years.
     */
    public record OutcomeResult(String name, String unitValueRef, BigDecimal unitValue, String type, String agency,
                                String source, BigDecimal deadweight, BigDecimal successesPerYear,
                                BigDecimal benefitPerYear, int firstYear, int lastYear, BigDecimal presentValue) {
    }
}
