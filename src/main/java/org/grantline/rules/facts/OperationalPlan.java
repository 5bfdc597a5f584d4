package org.grantline.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A draft or final operational plan: its sections and first-year implementation budget. */
public record OperationalPlan(String kind, LocalDate submittedOn, List<String> sections, BigDecimal firstYearBudget) {

    public boolean hasSection(String section) {
        return sections.contains(section);
    }
}
