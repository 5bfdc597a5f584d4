package org.grantline.rules.facts;

/** A value an earlier decision about the same application produced (e.g. cbaRequired, signedOffOn). */
public record PriorValue(String name, Object value) {

    /** Not a bean property (no "is" prefix), so it is not written into decision records. */
    public boolean holdsTrue() {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }
}
