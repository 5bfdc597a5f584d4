package org.grantline.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The parameters in force on one date. Rules see it as the global {@code params}:
 * {@code params.money("getting_ready.grant")}, {@code params.date("application.window_closes")} ...
 */
public final class ParameterSet {

    private final ParameterStore store;
    private final LocalDate date;

    ParameterSet(ParameterStore store, LocalDate date) {
        this.store = store;
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }

    public BigDecimal money(String key) {
        return get(key, BigDecimal.class);
    }

    public BigDecimal number(String key) {
        return get(key, BigDecimal.class);
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    public LocalDate date(String key) {
        return get(key, LocalDate.class);
    }

    public String text(String key) {
        return get(key, String.class);
    }

    public boolean flag(String key) {
        return get(key, Boolean.class);
    }

    public UnitValue unitValue(String key) {
        return get(key, UnitValue.class);
    }

    /** The value in force for a key, if the key is defined and has one on this date. */
    public java.util.Optional<Object> find(String key) {
        Parameter parameter = store.get(key);
        return parameter == null ? java.util.Optional.empty() : parameter.valueOn(date);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return get(key, List.class);
    }

    private <T> T get(String key, Class<T> type) {
        Parameter parameter = store.get(key);
        if (parameter == null) {
            throw new MissingParameterException("parameter '" + key + "' is not defined in any parameter file");
        }
        Object value = parameter.valueOn(date).orElseThrow(() -> new MissingParameterException(
                "parameter '" + key + "' (" + parameter.file() + ") has no value in force on " + date));
        if (!type.isInstance(value)) {
            throw new MissingParameterException("parameter '" + key + "' is " + parameter.unit()
                    + ", not readable as " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
