package org.grantline.rules.facts;

import java.util.List;

/** A live award held by another application for the same neighbourhood, in any round (for double funding). */
public record LiveAward(String applicationId, String roundCode, String awardType, String areaName,
                        String areaDistrict, List<String> themes) {

    public boolean overlapsThemes(List<String> candidates) {
        return themes.stream().anyMatch(candidates::contains);
    }
}
