package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An application as submitted: lead organisation, area, themes and the shape of its proposal. */
public record Application(
        String id,
        String roundCode,
        String leadName,
        String leadType,
        boolean leadCharitablePurpose,
        boolean leadPriorServiceDelivery,
        Boolean leadIncorporated,
        BigDecimal leadAnnualTurnover,
        String areaName,
        String areaDistrict,
        boolean areaInEngland,
        List<String> themes,
        boolean specificIntervention,
        boolean needEvidenced,
        boolean buildsOnPriorActivity,
        LocalDate submittedOn) {

    public boolean hasTheme(String theme) {
        return themes.contains(theme);
    }

    public boolean hasAnyTheme(List<String> candidates) {
        return themes.stream().anyMatch(candidates::contains);
    }
}
