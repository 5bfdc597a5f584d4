package org.grantline.rules.facts;

/** Output: a named result (a deadline, an entitlement, a flag for the process), set as a process variable. */
public record Value(String name, Object value) {}
