package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Where the round stands when the decision is taken, read under the round's lock so that
 * capacity, caps and budget hold under concurrent decisions.
 */
public record RoundPosition(int acceptedCount, Map<String, Integer> awardCounts, BigDecimal committed) {

    public int awardsOfType(String type) {
        return awardCounts.getOrDefault(type, 0);
    }
}
