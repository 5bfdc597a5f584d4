package org.grantline.rules.facts;

/** Output: the decision's verdict, e.g. ELIGIBLE, INELIGIBLE, AWARDED, REFUSED. Exactly one per decision. */
public record Outcome(String value) {}
