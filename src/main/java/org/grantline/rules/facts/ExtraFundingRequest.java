package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.util.List;

/** A request for Going Further or Breaking New Ground funding made with the Getting Going application. */
public record ExtraFundingRequest(
        String kind,
        BigDecimal amount,
        List<String> budgetArrangements,
        String statutoryBudgetHolder,
        boolean newServiceModel) {

    public boolean hasArrangement(List<String> candidates) {
        return budgetArrangements.stream().anyMatch(candidates::contains);
    }

    public boolean hasStatutoryBudgetHolder() {
        return statutoryBudgetHolder != null && !statutoryBudgetHolder.isBlank();
    }
}
