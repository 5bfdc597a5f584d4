package org.grantline.rules.facts;

/** A partner organisation named in the partnership; trackRecord = supports community-led change. */
public record Partner(String name, String type, boolean trackRecord) {}
