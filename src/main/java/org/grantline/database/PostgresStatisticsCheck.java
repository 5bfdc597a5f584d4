package org.grantline.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * On PostgreSQL, says at start when the server will not keep the tables' planner statistics up to date. Left to
 * itself PostgreSQL analyses (and vacuums) a table only through its autovacuum daemon, which needs
 * {@code track_counts}; with either off, the tables grantline and Camunda write are never analysed, and their
 * plans, made as if each table were small, read more and more as the tables grow (docs/benchmarks.md, fix 48).
 * grantline cannot switch them on (they are the server's settings), so it says so, once, with what to do.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
class PostgresStatisticsCheck {

    /** autovacuum and the row counting it works from: both must be on. */
    static final List<String> SETTINGS = List.of("track_counts", "autovacuum");

    private static final Logger log = LoggerFactory.getLogger(PostgresStatisticsCheck.class);

    private final JdbcTemplate jdbc;

    PostgresStatisticsCheck(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfStatisticsGoStale() {
        List<String> off;
        try {
            off = settingsOff();
        } catch (RuntimeException e) {
            log.warn("Could not read PostgreSQL's autovacuum settings to check that tables get analysed: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
            return;
        }
        if (!off.isEmpty()) {
            log.warn("PostgreSQL has {} off: no table is analysed or vacuumed as it changes, and queries slow down "
                            + "as the database fills. Switch it on in postgresql.conf (or ALTER SYSTEM SET ... = on, "
                            + "then SELECT pg_reload_conf()); see README, Operations.", String.join(" and ", off));
        }
    }

    /** Which of {@link #SETTINGS} are off, as this connection sees them. */
    List<String> settingsOff() {
        return SETTINGS.stream().filter(setting -> !"on".equals(jdbc.queryForObject("show " + setting, String.class)))
                .toList();
    }
}
