package org.grantline.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What H2's storage reports of itself ({@code INFORMATION_SCHEMA.SETTINGS}, the {@code info.*} rows; H2 only):
 * read operations on the database file, its size, and the page cache. A read is mostly a page the cache did not
 * hold (chunk headers and their tables of contents count too), whoever asked for it: a statement, or H2's own
 * background compaction rewriting half-empty chunks.
 */
record H2Store(boolean onFile, long fileReads, long fileBytes, long cacheMaxMiB, long cacheUsedMiB) {

    static H2Store of(DataSource database) {
        Map<String, Long> info = new HashMap<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select SETTING_NAME, SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS "
                     + "where SETTING_NAME like 'info.%'")) {
            while (rows.next()) {
                try {
                    info.put(rows.getString(1), Long.parseLong(rows.getString(2)));
                } catch (NumberFormatException notANumber) {
                    // info rows that are not counts (the version, a percentage) are of no use here
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2 did not report its storage", e);
        }
        // an in-memory database has no file, and H2 reports none of these
        return new H2Store(info.containsKey("info.FILE_SIZE"), info.getOrDefault("info.FILE_READ", 0L),
                info.getOrDefault("info.FILE_SIZE", 0L), info.getOrDefault("info.CACHE_MAX_SIZE", 0L),
                info.getOrDefault("info.CACHE_SIZE", 0L));
    }

    /** Whether there is a file to count reads of: an H2 database, given, not in memory. */
    static boolean isFile(DataSource database) {
        return database != null && of(database).onFile();
    }

    /** File reads per unit of the work done since {@code before}. */
    double readsPerUnitSince(H2Store before, long units) {
        return (double) (fileReads - before.fileReads) / units;
    }

    /** For a figure's note: the file's size and the cache, as they stood at the end. */
    String describe() {
        return String.format(Locale.ROOT, "database file %,d MiB at the end; page cache %d of %d MiB used (H2's "
                + "CACHE_SIZE)", fileBytes >> 20, cacheUsedMiB, cacheMaxMiB);
    }
}
