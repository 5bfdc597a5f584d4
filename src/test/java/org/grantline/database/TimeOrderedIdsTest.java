package org.grantline.database;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        long millis = Instant.parse("2014-02-10T09:00:00.123Z").toEpochMilli();
        UUID id = UUID.fromString(TimeOrderedIds.at(millis));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void anIdMadeLaterSortsLaterAsText() {
        long now = System.currentTimeMillis();
        for (long later : new long[]{1, 255, 256, 65_536, 86_400_000L}) {
            assertThat(TimeOrderedIds.at(now + later)).as("%d ms later", later)
                    .isGreaterThan(TimeOrderedIds.at(now));
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(0));
        }
        assertThat(ids).hasSize(10_000);
        assertThat(TimeOrderedIds.next()).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
