package org.grantline.web;

/** One thing wrong with a request: the field (JSON path, or a clause id for rule failures) and why. */
public record FieldProblem(String field, String message) {}
