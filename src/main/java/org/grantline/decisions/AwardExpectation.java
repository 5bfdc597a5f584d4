package org.grantline.decisions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kinds of decision (a round and one of its decisions) are expected to book awards: those whose
 * latest decision on this node did. Only a hint for when to take the award lock; a wrong guess costs a second
 * evaluation or a lock held for nothing, never a wrong decision. One entry per kind, so it stays small.
 */
final class AwardExpectation {

    private final Set<String> booking = ConcurrentHashMap.newKeySet();

    boolean expected(String roundCode, String decision) {
        return booking.contains(kind(roundCode, decision));
    }

    void observed(String roundCode, String decision, boolean booked) {
        if (booked) {
            booking.add(kind(roundCode, decision));
        } else {
            booking.remove(kind(roundCode, decision));
        }
    }

    private static String kind(String roundCode, String decision) {
        return roundCode + "/" + decision;
    }
}
