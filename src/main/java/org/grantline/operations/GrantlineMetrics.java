package org.grantline.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What operations watch, for Prometheus ({@code /actuator/prometheus}): decisions taken by this node (by
 * round, decision and outcome, counted when their transaction commits), replays, and from the shared
 * database the open caseworker tasks by name and the tranches by status (the same on every node).
 */
@Component
public class GrantlineMetrics {

    private static final Logger log = LoggerFactory.getLogger(GrantlineMetrics.class);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final MultiGauge openTasks;
    private final MultiGauge tranches;
    private final MultiGauge trancheAmounts;
    private final Map<String, Counter> replays = new ConcurrentHashMap<>();

    GrantlineMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.openTasks = MultiGauge.builder("grantline.tasks.open")
                .description("Open caseworker tasks, by task name").register(registry);
        this.tranches = MultiGauge.builder("grantline.tranches")
                .description("Tranches in the ledger, by status").register(registry);
        this.trancheAmounts = MultiGauge.builder("grantline.tranches.amount").baseUnit("gbp")
                .description("Sum of tranche amounts in the ledger, by status").register(registry);
    }

    /** Counts a recorded decision once its transaction commits (a rolled-back step decided nothing). */
    public void decided(String round, String decision, String outcome) {
        Counter counter = Counter.builder("grantline.decisions").description("Decisions recorded by this node")
                .tags("round", round, "decision", decision, "outcome", outcome).register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** Counts a decision replayed (own version, what-if or impact). */
    public void replayed(String status) {
        replays.computeIfAbsent(status, s -> Counter.builder("grantline.replays")
                .description("Decisions replayed by this node").tag("status", s).register(registry)).increment();
    }

    @Scheduled(fixedDelayString = "${grantline.metrics.refresh-interval:PT15S}", initialDelay = 0)
    public void refresh() {
        try {
            openTasks.register(jdbc.sql("select NAME_, count(*) from ACT_RU_TASK group by NAME_")
                    .query((rs, n) -> MultiGauge.Row.of(Tags.of("task", String.valueOf(rs.getString(1))),
                            rs.getLong(2))).list(), true);
            List<Object[]> byStatus = jdbc.sql("select status, count(*), coalesce(sum(amount), 0) from tranche group by status")
                    .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)}).list();
            tranches.register(byStatus.stream().map(r -> MultiGauge.Row.of(Tags.of("status", (String) r[0]),
                    (Long) r[1])).toList(), true);
            // a gauge is a double: fine for watching, while the ledger itself stays exact
            trancheAmounts.register(byStatus.stream().map(r -> MultiGauge.Row.of(Tags.of("status", (String) r[0]),
                    ((java.math.BigDecimal) r[2]).doubleValue())).toList(), true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the task and tranche metrics: {}", e.getMessage());
        }
    }
}
