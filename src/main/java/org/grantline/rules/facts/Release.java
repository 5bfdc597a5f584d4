package org.grantline.rules.facts;

/** Output: release a WITHHELD tranche so that it becomes PAYABLE. Releasing twice changes nothing. */
public record Release(String awardType, int number, String clause) {}
