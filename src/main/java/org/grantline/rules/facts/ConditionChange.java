package org.grantline.rules.facts;

import java.time.LocalDate;

/** Output: open a condition, or mark one MET or BREACHED. */
public record ConditionChange(String code, String status, LocalDate dueOn, String clause) {}
