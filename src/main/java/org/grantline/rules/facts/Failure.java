package org.grantline.rules.facts;

/** Output: a clause that failed and, in plain English, what would have to change. */
public record Failure(String clause, String reason) {}
