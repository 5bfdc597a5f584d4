package org.grantline.parameters;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/** One programme parameter: what it means, where it comes from, its unit and its values by effective date. */
public record Parameter(String key, String description, String reference, ParameterUnit unit,
                        NavigableMap<LocalDate, Object> values, String file) {

    /** The value in force on the date: the one with the latest effective date on or before it. */
    public Optional<Object> valueOn(LocalDate date) {
        Map.Entry<LocalDate, Object> entry = values.floorEntry(date);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }
}
