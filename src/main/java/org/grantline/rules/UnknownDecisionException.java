package org.grantline.rules;

import java.util.Set;
import java.util.TreeSet;

/** A process or caller asked for a decision the round's rules folder does not define. */
public class UnknownDecisionException extends RuntimeException {
    public UnknownDecisionException(String round, String decision, Set<String> known) {
        super("round " + round + " has no decision '" + decision + "' (no " + decision + ".drl); it has "
                + new TreeSet<>(known));
    }
}
