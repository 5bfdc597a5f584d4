package org.grantline.milestones;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.grantline.cba.CbaCalculator;
import org.grantline.cba.CbaInput;
import org.grantline.cba.CbaResult;
import org.grantline.intake.ApplicationRequest.PartnerRequest;
import org.grantline.web.FreeText;
import org.grantline.web.Name;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The payload of each {@link SubmissionType}. Amounts are GBP with at most 2 decimals and a sane ceiling. */
public final class Payloads {

    public record Document(@NotBlank @Size(max = 300) @FreeText String title, @Size(max = 20000) @FreeText String summary) {
    }

    public record GettingGoing(@Size(max = 50) List<@NotNull @Valid PartnerRequest> partnersAdded,
                               @Valid ExtraFunding extraFunding) {
    }

    public record ExtraFunding(
            @NotBlank @Size(max = 60) String kind,
            @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Size(max = 3) List<@NotBlank String> budgetArrangements,
            @Size(max = 300) @Name String statutoryBudgetHolder,
            @NotNull Boolean newServiceModel) {
    }

    /**
     * A draft or final plan. Its CBA is sent as what it is worked out from ({@code cba}: outcomes and costs);
     * grantline appraises it when the plan arrives and keeps the result with it ({@code appraisal}), which is
     * what the rules read. A request may not bring an appraisal of its own.
     */
    public record Plan(
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> sections,
            @PositiveOrZero @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal firstYearBudget,
            @Valid CbaInput cba,
            CbaResult appraisal) {

        Plan appraised(CbaResult result) {
            return new Plan(sections, firstYearBudget, cba, result);
        }
    }

    public record Commitments(@NotEmpty @Size(max = 50) List<@NotNull @Valid Commitment> commitments) {
    }

    public record Commitment(
            @NotBlank @Size(max = 300) @Name String provider,
            @NotBlank @Size(max = 60) String providerType,
            @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull Boolean inKind) {
    }

    public record MatchPayment(
            @NotBlank @Size(max = 300) @Name String provider,
            @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull LocalDate paidOn) {
    }

    /** What each outcome of the CBA forecast achieved in its first year, by the outcome's name. */
    public record OutturnFigures(@NotNull @Size(max = CbaCalculator.MAX_LINES) List<@NotNull @Valid Achieved> outcomes) {
    }

    /** How many people achieved the outcome (the forecast's successes a year, before deadweight). */
    public record Achieved(
            @NotBlank @Size(max = 200) @FreeText String name,
            @NotNull @PositiveOrZero @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal achieved) {
    }

    private Payloads() {
    }
}
