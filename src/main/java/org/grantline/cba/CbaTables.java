package org.grantline.cba;

import org.grantline.parameters.ParameterSet;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The appraisal's own parameters, dated and designer-editable like every other: the Green Book discount rate
 * ({@code cba.discount_rate}) and the optimism-bias correction for each confidence grade
 * ({@code cba.optimism_bias.grade_N}).
 */
public record CbaTables(BigDecimal discountRate, Map<Integer, BigDecimal> optimismBias) {

    public static final int GRADES = 6;

    public CbaTables {
        optimismBias = Map.copyOf(optimismBias);
    }

    public static CbaTables from(ParameterSet params) {
        Map<Integer, BigDecimal> bias = new TreeMap<>();
        for (int grade = 1; grade <= GRADES; grade++) {
            bias.put(grade, params.number("cba.optimism_bias.grade_" + grade));
        }
        return new CbaTables(params.number("cba.discount_rate"), bias);
    }
}
