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

    public record Plan(
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> sections,
            @PositiveOrZero @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal firstYearBudget,
            @Valid CbaFigures cba) {
    }

    /** CBA results in present values (GBP). */
    public record CbaFigures(
            @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal costs,
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal fiscalBenefits,
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal economicBenefits,
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal socialBenefits) {
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

    public record OutturnFigures(
            @NotNull @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal actualBenefits) {
    }

    private Payloads() {
    }
}
