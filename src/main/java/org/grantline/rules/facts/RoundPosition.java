package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Where the round stands when the decision is taken, as committed; a decision that books awards has read it
 * under the award lock (PaymentLedger.lockForAwards), so that capacity, reserved places, caps and budget hold
 * under concurrent decisions.
 * {@code acceptedByLeadType}: applications holding an award, by their lead's type (reserved places).
 */
public record RoundPosition(int acceptedCount, Map<String, Integer> awardCounts, BigDecimal committed,
                            Map<String, Integer> acceptedByLeadType) {

    public RoundPosition {
        awardCounts = awardCounts == null ? Map.of() : Map.copyOf(awardCounts);
        // Decisions recorded before reserved places were counted have none; replay reads them as empty.
        acceptedByLeadType = acceptedByLeadType == null ? Map.of() : Map.copyOf(acceptedByLeadType);
    }

    public int awardsOfType(String type) {
        return awardCounts.getOrDefault(type, 0);
    }

    /** Accepted applications whose lead is of none of these types (who has taken the places not reserved). */
    public int acceptedExceptLeadTypes(List<String> leadTypes) {
        return acceptedCount - leadTypes.stream().mapToInt(type -> acceptedByLeadType.getOrDefault(type, 0)).sum();
    }
}
