package org.grantline.cba;

import org.grantline.cba.CbaInput.CostYear;
import org.grantline.cba.CbaInput.Outcome;
import org.grantline.cba.CbaInput.ValueType;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calculator against examples worked by hand (the figures below were computed independently, to 40 digits,
 * and rounded to the penny): one with several outcomes and years, one whose benefits never repay its costs.
 */
class CbaCalculatorTest {

    static final CbaTables GREEN_BOOK = new CbaTables(new BigDecimal("0.035"), Map.of(
            1, new BigDecimal("0"), 2, new BigDecimal("0.10"), 3, new BigDecimal("0.20"),
            4, new BigDecimal("0.30"), 5, new BigDecimal("0.40"), 6, new BigDecimal("0.60")));

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** An outcome with a unit value of its own. */
    static Outcome outcome(String name, int cohort, BigDecimal engagement, BigDecimal success, BigDecimal deadweight,
                           BigDecimal unitValue, ValueType type, String agency, int firstYear, int years, int grade) {
        return new Outcome(name, cohort, engagement, success, deadweight, null, unitValue, type, agency,
                "worked example", firstYear, years, grade);
    }

    @Test
    void severalOutcomesOverSeveralYears() {
        // A: 200 × 50% × 40% × (1 − 25%) × £120 = £3,600 a year, less 10% (grade 2) = £3,240 in years 1 and 2 (NHS).
        // B: 50 × 60% × 30% × (1 − 20%) × £4,000 = £28,800, less 20% (grade 3) = £23,040 in year 1 (local economy).
        // Costs: year 0 £10,000 + £5,000 + £1,000 in kind = £16,000; year 1 £8,000.
        // At 3.5%: costs 16,000 + 8,000/1.035 = 23,729.47; fiscal 3,240/1.035 + 3,240/1.035² = 6,155.01;
        // economic 23,040/1.035 = 22,260.87; benefits 28,415.88; ratios 0.2594 and 1.1975; NPV 4,686.41.
        CbaInput input = new CbaInput(List.of(
                outcome("Fewer A&E attendances", 200, d("0.5"), d("0.4"), d("0.25"), d("120"), ValueType.FISCAL,
                        "NHS", 1, 2, 2),
                outcome("Into work", 50, d("0.6"), d("0.3"), d("0.2"), d("4000"), ValueType.ECONOMIC,
                        "Local economy", 1, 1, 3)),
                List.of(new CostYear(0, d("10000"), d("5000"), d("1000")), new CostYear(1, d("0"), d("8000"), d("0"))));

        CbaResult result = CbaCalculator.calculate(input, GREEN_BOOK);

        assertThat(result.presentValueCosts()).isEqualTo(d("23729.47"));
        assertThat(result.presentValueFiscal()).isEqualTo(d("6155.01"));
        assertThat(result.presentValueEconomic()).isEqualTo(d("22260.87"));
        assertThat(result.presentValueSocial()).isEqualTo(d("0.00"));
        assertThat(result.presentValueBenefits()).isEqualTo(d("28415.88"));
        assertThat(result.fiscalRatio()).isEqualTo(d("0.2594"));
        assertThat(result.publicValueRatio()).isEqualTo(d("1.1975"));
        assertThat(result.netPresentValue()).isEqualTo(d("4686.41"));
        assertThat(result.fiscalPaybackYear()).as("fiscal benefits never repay").isNull();
        assertThat(result.publicValuePaybackYear()).as("25,391.30 by year 1 against 23,729.47").isEqualTo(1);
        assertThat(result.benefitsByAgency()).containsExactly(Map.entry("Local economy", d("22260.87")),
                Map.entry("NHS", d("6155.01")));
        // each outcome's working: successes a year (200 × 50% × 40% = 40; 50 × 60% × 30% = 9), benefit a year, PV
        assertThat(result.outcomes()).extracting(o -> o.name() + " " + o.successesPerYear().toPlainString() + " "
                        + o.benefitPerYear() + " " + o.presentValue() + " " + o.firstYear() + "-" + o.lastYear())
                .containsExactly("Fewer A&E attendances 40 3240.00 6155.01 1-2", "Into work 9 23040.00 22260.87 1-1");
        assertThat(result.steps()).anySatisfy(step -> assertThat(step).contains("Fewer A&E attendances: 200 people × 50% engaged")
                .contains("= £3,600.00 a year; less 10% optimism bias (confidence grade 2) = £3,240.00 a year in years 1 to 2"));
    }

    @Test
    void benefitsThatNeverRepayTheCosts() {
        // 10 × 100% × 50% × (1 − 50%) × £1,000 = £2,500 a year in years 1 to 3, grade 1 (no correction), social.
        // Costs £20,000 in year 0. Benefits 2,500 × (1/1.035 + 1/1.035² + 1/1.035³) = 7,004.09; ratio 0.3502.
        CbaInput input = new CbaInput(List.of(
                outcome("Less isolation", 10, d("1"), d("0.5"), d("0.5"), d("1000"), ValueType.SOCIAL, "Community",
                        1, 3, 1)),
                List.of(new CostYear(0, d("20000"), d("0"), d("0"))));

        CbaResult result = CbaCalculator.calculate(input, GREEN_BOOK);

        assertThat(result.presentValueBenefits()).isEqualTo(d("7004.09"));
        assertThat(result.presentValueSocial()).isEqualTo(d("7004.09"));
        assertThat(result.fiscalRatio()).isEqualTo(d("0.0000"));
        assertThat(result.publicValueRatio()).isEqualTo(d("0.3502"));
        assertThat(result.netPresentValue()).isEqualTo(d("-12995.91"));
        assertThat(result.fiscalPaybackYear()).isNull();
        assertThat(result.publicValuePaybackYear()).isNull();
        assertThat(result.steps()).contains("All benefits together do not repay the costs within the appraisal.");
    }

    @Test
    void theOptimismBiasOfTheGradeAndTheDiscountRateBothCount() {
        CbaInput oneYear = new CbaInput(List.of(outcome("x", 100, d("1"), d("1"), d("0"), d("10"), ValueType.FISCAL,
                "Council", 0, 1, 6)), List.of(new CostYear(0, d("100"), d("0"), d("0"))));
        // year 0 is not discounted: 100 × £10 less 60% = £400
        assertThat(CbaCalculator.calculate(oneYear, GREEN_BOOK).presentValueFiscal()).isEqualTo(d("400.00"));
        CbaTables noDiscount = new CbaTables(d("0"), GREEN_BOOK.optimismBias());
        CbaInput later = new CbaInput(List.of(outcome("x", 100, d("1"), d("1"), d("0"), d("10"), ValueType.FISCAL,
                "Council", 30, 1, 1)), List.of(new CostYear(0, d("100"), d("0"), d("0"))));
        assertThat(CbaCalculator.calculate(later, noDiscount).presentValueFiscal()).isEqualTo(d("1000.00"));
        // 1,000 / 1.035^30 = 356.28
        assertThat(CbaCalculator.calculate(later, GREEN_BOOK).presentValueFiscal()).isEqualTo(d("356.28"));
    }

    @Test
    void figuresThatCannotBeAppraisedAreRefusedNamingEachField() {
        CbaInput bad = new CbaInput(List.of(outcome("x", -1, d("1.2"), d("0.5"), d("-0.1"), d("10"), ValueType.FISCAL,
                "Council", 30, 2, 7)), List.of());
        assertThatThrownBy(() -> CbaCalculator.calculate(bad, GREEN_BOOK)).isInstanceOf(CbaInputException.class)
                .satisfies(e -> assertThat(((CbaInputException) e).problems().stream()
                        .map(p -> p.field() + ": " + p.message())).containsExactly(
                        "costs: at least one year of costs is needed",
                        "outcomes[0].cohort: may not be negative",
                        "outcomes[0].engagementRate: a share from 0 to 1",
                        "outcomes[0].deadweight: a share from 0 to 1",
                        "outcomes[0].years: benefits fall in years 0 to 30",
                        "outcomes[0].confidenceGrade: one of " + GREEN_BOOK.optimismBias().keySet()));
    }

    @Test
    void theTablesAreTheRoundsDatedParameters() {
        var ruleset = new RulesetCompiler().compile(RulesetFiles.read(Path.of("rules/OP-2014")));
        CbaTables tables = CbaTables.from(ruleset.parameters().on(LocalDate.parse("2015-02-20")));
        assertThat(tables.discountRate()).isEqualByComparingTo("0.035");
        assertThat(tables.optimismBias()).hasSize(CbaTables.GRADES);
        GREEN_BOOK.optimismBias().forEach((grade, bias) ->
                assertThat(tables.optimismBias().get(grade)).as("grade " + grade).isEqualByComparingTo(bias));
    }
}
