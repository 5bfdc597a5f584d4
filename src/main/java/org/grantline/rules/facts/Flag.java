package org.grantline.rules.facts;

/** Output: something a person must look at (e.g. CBA ratio below 1, outturn variance). */
public record Flag(String code, String clause, String reason) {}
