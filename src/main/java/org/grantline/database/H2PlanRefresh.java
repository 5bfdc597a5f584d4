package org.grantline.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * On H2, keeps the plans of cached statements no older than {@code grantline.h2.plan-refresh}.
 * <p>
 * H2 keeps each connection's parsed statements ({@code QUERY_CACHE_SIZE}, 256 in the embedded default) with the
 * plan made when each was first parsed, and parses again only after a change H2 counts as one of its metadata:
 * a table's growth or new statistics do not count. A plan made on an empty table would then stay for as long as
 * the pooled connection lives (docs/benchmarks.md, fix 14). Any {@code SET} counts, so setting a variable of
 * grantline's own, every interval, makes every connection parse each statement again on its next use, with the
 * tables' row counts as they are then (column statistics are whatever H2 last gathered). Parsing a connection's
 * statements again costs a few milliseconds; parsing them at every use cost a sixth of the lifecycle's time.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class H2PlanRefresh {

    /** A session variable of grantline's own: setting it changes nothing but H2's metadata counter. */
    static final String REFRESH = "set @grantline_plan_refresh = 0";

    private static final Logger log = LoggerFactory.getLogger(H2PlanRefresh.class);

    private final JdbcTemplate jdbc;

    H2PlanRefresh(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Scheduled(fixedDelayString = "${grantline.h2.plan-refresh:PT10S}",
            initialDelayString = "${grantline.h2.plan-refresh:PT10S}")
    void refresh() {
        try {
            jdbc.execute(REFRESH);
        } catch (RuntimeException e) {
            // Plans only go stale a little longer; the next interval tries again.
            log.warn("Could not have H2 make its plans again: {}", e.toString());
        }
    }
}
