package org.grantline.parameters;

/** A rule asked for a parameter that has no value on the decision date. */
public class MissingParameterException extends RuntimeException {
    public MissingParameterException(String message) {
        super(message);
    }
}
