package org.grantline.rules;

/** No round with this code is loaded. */
public class UnknownRoundException extends RuntimeException {
    public UnknownRoundException(String roundCode) {
        super("no programme round '" + roundCode + "' is loaded");
    }
}
