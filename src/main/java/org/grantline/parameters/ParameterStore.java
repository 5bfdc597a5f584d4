package org.grantline.parameters;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** All parameters of a round, keyed by name. */
public final class ParameterStore {

    private final SortedMap<String, Parameter> parameters;

    public ParameterStore(Map<String, Parameter> parameters) {
        this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** The values in force on a date, as the rules read them. */
    public ParameterSet on(LocalDate date) {
        return new ParameterSet(this, date);
    }

    public SortedMap<String, Parameter> all() {
        return parameters;
    }

    Parameter get(String key) {
        return parameters.get(key);
    }
}
