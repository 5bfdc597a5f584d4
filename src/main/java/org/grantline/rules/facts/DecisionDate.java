package org.grantline.rules.facts;

import java.time.LocalDate;

/** The calendar date (Europe/London) the decision is taken on; parameters in force on it apply. */
public record DecisionDate(LocalDate date) {}
