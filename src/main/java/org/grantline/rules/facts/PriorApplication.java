package org.grantline.rules.facts;

/** Another application already made by the same lead organisation in the same round. */
public record PriorApplication(String applicationId, String leadName) {}
