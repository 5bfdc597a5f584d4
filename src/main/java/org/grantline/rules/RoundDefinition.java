package org.grantline.rules;

/** A programme round as described by its round.yaml: code, display name and the BPMN process it runs. */
public record RoundDefinition(String code, String name, String processKey, String programme) {}
