package org.grantline.rules;

/** The rules ran but did not produce a usable result (e.g. no outcome). A defect in the rule files. */
public class DecisionFailedException extends RuntimeException {
    public DecisionFailedException(String round, String decision, String message) {
        super("decision '" + decision + "' of round " + round + ": " + message);
    }
}
