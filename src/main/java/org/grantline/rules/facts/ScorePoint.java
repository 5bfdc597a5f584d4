package org.grantline.rules.facts;

/** Output: points added to the priority score, with the reason shown to caseworkers. */
public record ScorePoint(String clause, int points, String reason) {}
