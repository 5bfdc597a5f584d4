package org.grantline.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On H2, keeps the plans of cached statements no older than {@code grantline.h2.plan-refresh}, and made on
 * column statistics of tables about the size they are.
 * <p>
 * H2 keeps each connection's parsed statements ({@code QUERY_CACHE_SIZE}, 256 in the embedded default) with the
 * plan made when each was first parsed, and parses again only after a change H2 counts as one of its metadata:
 * a table's growth or new statistics do not count. A plan made on an empty table would then stay for as long as
 * the pooled connection lives (docs/benchmarks.md, fix 14). Any {@code SET} counts, so setting a variable of
 * grantline's own, every interval, makes every connection parse each statement again on its next use, with the
 * tables' row counts as they are then. Parsing a connection's statements again costs a few milliseconds; parsing
 * them at every use cost a sixth of the lifecycle's time.
 * <p>
 * The plans also rest on each column's selectivity, which H2 samples after 2,000 changes to a table, then after
 * twice as many each time. A runtime table such as Camunda's variables turns over all the time, so H2 samples it
 * whenever that count comes round, whatever the table holds then: sampled while one application was active, the
 * variable's name looked unique, and with 280 applications active every variable fetch read every row of its
 * names (docs/benchmarks.md, fix 17). So every {@code grantline.h2.statistics-check} a table whose row count has
 * doubled or halved since grantline last sampled it is sampled again ({@code ANALYZE TABLE}), and the plans are
 * made again at once.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class H2PlanRefresh {

    /** A session variable of grantline's own: setting it changes nothing but H2's metadata counter. */
    static final String REFRESH = "set @grantline_plan_refresh = 0";
    /** Below this many rows, or a change of fewer rows, a table is too small for its plan to matter. */
    static final long ROWS_WORTH_SAMPLING = 100;

    private static final Logger log = LoggerFactory.getLogger(H2PlanRefresh.class);

    private final JdbcTemplate jdbc;
    /** Each table's row count when grantline last sampled it (or tried to), or first saw it. */
    private final Map<String, Long> sampledAt = new HashMap<>();
    private boolean countsFailing;

    H2PlanRefresh(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Scheduled(fixedDelayString = "${grantline.h2.plan-refresh:PT10S}",
            initialDelayString = "${grantline.h2.plan-refresh:PT10S}")
    synchronized void refresh() {
        try {
            jdbc.execute(REFRESH);
        } catch (RuntimeException e) {
            // Plans only go stale a little longer; the next interval tries again.
            log.warn("Could not have H2 make its plans again: {}", e.toString());
        }
    }

    /**
     * Looks at the tables' row counts often (one query) and has plans made again at once after sampling one. A
     * table is counted as sampled even when its {@code ANALYZE} failed (H2 lets only an administrator run it), so
     * a failure is tried again only once the table has doubled or halved again, not every second.
     */
    @Scheduled(fixedDelayString = "${grantline.h2.statistics-check:PT1S}",
            initialDelayString = "${grantline.h2.statistics-check:PT1S}")
    synchronized void sampleTablesThatChangedSize() {
        try {
            Map<String, Long> rowCounts = rowCounts();
            sampledAt.keySet().retainAll(rowCounts.keySet());
            List<String> sampled = new ArrayList<>();
            rowCounts.forEach((table, rows) -> {
                Long before = sampledAt.get(table);
                boolean due = before == null ? rows >= ROWS_WORTH_SAMPLING : changedSize(before, rows);
                if (before == null || due) {
                    sampledAt.put(table, rows);
                }
                if (due && analyze(table)) {
                    sampled.add(table);
                }
            });
            if (!sampled.isEmpty()) {
                log.debug("Sampled the column statistics of {} again: their row counts doubled or halved", sampled);
                jdbc.execute(REFRESH);
            }
            countsFailing = false;
        } catch (RuntimeException e) {
            // Said once while it lasts: the check runs every second.
            if (!countsFailing) {
                log.warn("Could not look at H2's tables to sample their statistics again: {}", e.toString());
            }
            countsFailing = true;
        }
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> rowCounts = new HashMap<>();
        jdbc.query("select table_name, row_count_estimate from information_schema.tables"
                        + " where table_schema = schema() and table_type = 'BASE TABLE'",
                row -> {
                    rowCounts.put(row.getString(1), row.getLong(2));
                });
        return rowCounts;
    }

    private boolean analyze(String table) {
        try {
            jdbc.execute("analyze table \"" + table.replace("\"", "\"\"") + "\"");
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not have H2 sample the statistics of {} again (its plans may read more rows than they "
                    + "need): {}", table, e.toString());
            return false;
        }
    }

    private static boolean changedSize(long before, long rows) {
        return Math.abs(rows - before) >= ROWS_WORTH_SAMPLING && (rows >= 2 * before || 2 * rows <= before);
    }
}
