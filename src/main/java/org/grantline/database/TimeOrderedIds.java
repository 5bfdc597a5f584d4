package org.grantline.database;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for grantline's own rows (applications, decisions, awards, tranches, deployments' trail entries): version 7
 * UUIDs (RFC 9562), whose first 48 bits are the wall-clock time in milliseconds and the other 74 random. An id made
 * in a later millisecond sorts later, as text too, so a new row's id, and every index that leads with it, lands
 * near the end of its index beside the other recent ones instead of on a random page of it. Random ids (version 4)
 * made each insert read and rewrite a page anywhere in the index: on H2 a read from the database file whenever the
 * page cache had let that page go (docs/benchmarks.md, fix 22). Nothing relies on the order; ids of the same
 * millisecond, or of nodes whose clocks differ, come in any order. An id shows when its row was made, to the
 * millisecond, which its row records anyway; 74 random bits keep it unguessable.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String next() {
        return at(System.currentTimeMillis());
    }

    static String at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long mostSignificant = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L // version 7
                | (random[0] & 0x0FL) << 8
                | random[1] & 0xFFL;
        long leastSignificant = 0;
        for (int i = 2; i < 10; i++) {
            leastSignificant = leastSignificant << 8 | random[i] & 0xFFL;
        }
        leastSignificant = leastSignificant & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // variant of RFC 9562
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    private TimeOrderedIds() {
    }
}
