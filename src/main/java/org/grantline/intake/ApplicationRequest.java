package org.grantline.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.grantline.web.Name;

import java.math.BigDecimal;
import java.util.List;

/**
 * An application as an applicant submits it. Types and themes are checked against rules/vocabulary.yaml;
 * whether the application is eligible is for the rules to decide, not for this shape.
 */
public record ApplicationRequest(
        @NotBlank @Size(max = 40) String round,
        @NotNull @Valid Lead lead,
        @NotNull @Valid Area area,
        @NotNull @Size(max = 50) List<@NotNull @Valid PartnerRequest> partners,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> themes,
        @NotNull @Valid Proposal proposal) {

    public record Lead(
            @NotBlank @Size(max = 300) @Name String name,
            @NotBlank @Size(max = 60) String type,
            @NotNull Boolean charitablePurpose,
            @NotNull Boolean priorServiceDelivery,
            Boolean incorporated,
            @PositiveOrZero @DecimalMax("1000000000") @Digits(integer = 12, fraction = 2) BigDecimal annualTurnover) {
    }

    public record Area(
            @NotBlank @Size(max = 300) @Name String name,
            @NotBlank @Size(max = 300) @Name String district,
            @NotNull Boolean inEngland) {
    }

    public record PartnerRequest(
            @NotBlank @Size(max = 300) @Name String name,
            @NotBlank @Size(max = 60) String type,
            Boolean trackRecord) {
    }

    /** The shape of the proposal, as the priority score and the CBA requirement read it. */
    public record Proposal(
            @NotNull Boolean specificIntervention,
            @NotNull Boolean needEvidenced,
            @NotNull Boolean buildsOnPriorActivity) {
    }
}
