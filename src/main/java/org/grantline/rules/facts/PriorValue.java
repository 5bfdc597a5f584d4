package org.grantline.rules.facts;

/** A value an earlier decision about the same application produced (e.g. cbaRequired, signedOffOn). */
public record PriorValue(String name, Object value) {

    public boolean isTrue() {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }
}
