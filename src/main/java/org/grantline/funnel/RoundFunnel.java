package org.grantline.funnel;

import org.grantline.parameters.MissingParameterException;
import org.grantline.rules.RoundDefinition.FunnelStep;
import org.grantline.rules.RulesetRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a round's applications got, step by step as its round.yaml defines the funnel, overall and by lead
 * type, with the share lost at each step; and the round's money: budget, committed, paid. The console's
 * dashboard and the round simulation both read it, so they always agree.
 */
@Component
public class RoundFunnel {

    /** One step: applications that got this far, in all and by lead type, and the share lost since the step before. */
    public record Step(String label, long count, Map<String, Long> byLeadType, BigDecimal dropOut) {
    }

    public record Money(BigDecimal budget, BigDecimal committed, BigDecimal paid, BigDecimal payable) {
    }

    public record Funnel(String round, String roundName, List<String> leadTypes, List<Step> steps, Money money) {
    }

    private final JdbcClient jdbc;
    private final RulesetRegistry rulesets;

    RoundFunnel(JdbcClient jdbc, RulesetRegistry rulesets) {
        this.jdbc = jdbc;
        this.rulesets = rulesets;
    }

    public Funnel of(String round, LocalDate today) {
        var ruleset = rulesets.active(round);
        List<Step> steps = new ArrayList<>();
        Long previous = null;
        TreeSet<String> leadTypes = new TreeSet<>();
        for (FunnelStep step : ruleset.round().funnel()) {
            Map<String, Long> byLeadType = count(round, step);
            leadTypes.addAll(byLeadType.keySet());
            long count = byLeadType.values().stream().mapToLong(Long::longValue).sum();
            BigDecimal dropOut = previous == null || previous == 0 ? null
                    : BigDecimal.valueOf(previous - count).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(previous), 1, java.math.RoundingMode.HALF_UP);
            steps.add(new Step(step.label(), count, byLeadType, dropOut));
            previous = count;
        }
        return new Funnel(round, ruleset.round().name(), List.copyOf(leadTypes), steps, money(round, ruleset, today));
    }

    private Map<String, Long> count(String round, FunnelStep step) {
        String sql;
        List<Object> params = new ArrayList<>(List.of(round));
        if (step.award() != null) {
            sql = "select a.lead_type, count(distinct a.id) from application a join award w on w.application_id = a.id "
                    + "where a.round_code = ? and w.type = ? group by a.lead_type";
            params.add(step.award());
        } else if (step.submission() != null) {
            sql = "select a.lead_type, count(distinct a.id) from application a join submission s on s.application_id = a.id "
                    + "where a.round_code = ? and s.type = ? group by a.lead_type";
            params.add(step.submission());
        } else if (step.decision() != null) {
            sql = "select a.lead_type, count(distinct a.id) from application a join decision_record d on d.application_id = a.id "
                    + "where a.round_code = ? and d.decision = ? and d.outcome = ? group by a.lead_type";
            params.add(step.decision());
            params.add(step.outcome());
        } else if (!step.stages().isEmpty()) {
            sql = "select lead_type, count(*) from application where round_code = ? and stage in ("
                    + String.join(", ", step.stages().stream().map(s -> "?").toList()) + ") group by lead_type";
            params.addAll(step.stages());
        } else {
            sql = "select lead_type, count(*) from application where round_code = ? group by lead_type";
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private Money money(String round, org.grantline.rules.Ruleset ruleset, LocalDate today) {
        BigDecimal budget;
        try {
            budget = ruleset.parameters().on(today).money("round.budget");
        } catch (MissingParameterException noBudget) {
            budget = null; // a round without a budget parameter, or before its first value
        }
        BigDecimal committed = jdbc.sql("select coalesce(sum(amount), 0) from award where round_code = ?").param(round)
                .query(BigDecimal.class).single();
        BigDecimal paid = tranches(round, "PAID");
        BigDecimal payable = tranches(round, "PAYABLE");
        return new Money(budget, committed.setScale(2), paid, payable);
    }

    private BigDecimal tranches(String round, String status) {
        return jdbc.sql("select coalesce(sum(t.amount), 0) from tranche t join application a on a.id = t.application_id "
                        + "where a.round_code = ? and t.status = ?").params(round, status)
                .query(BigDecimal.class).single().setScale(2);
    }
}
