package org.grantline.payments;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The oracle for the running tally (round_position, round_count): the same figures aggregated from the awards. */
final class RoundTally {

    static void assertMatchesTheAwards(JdbcClient jdbc) {
        assertThat(jdbc.sql("select count(*) from award").query(Integer.class).single())
                .as("a tally checked against no award checks nothing").isPositive();
        assertThat(rows(jdbc, "select round_code, accepted, committed_amount from round_position where accepted > 0"))
                .as("accepted applications and committed amount per round")
                .containsExactlyInAnyOrderElementsOf(rows(jdbc, """
                        select round_code, count(distinct application_id), coalesce(sum(amount), 0) from award
                        group by round_code"""));
        assertThat(rows(jdbc, "select round_code, name, n from round_count where dimension = 'AWARD_TYPE'"))
                .as("awards per type").containsExactlyInAnyOrderElementsOf(rows(jdbc,
                        "select round_code, type, count(*) from award group by round_code, type"));
        assertThat(rows(jdbc, "select round_code, name, n from round_count where dimension = 'LEAD_TYPE'"))
                .as("accepted applications per lead type").containsExactlyInAnyOrderElementsOf(rows(jdbc, """
                        select w.round_code, a.lead_type, count(distinct w.application_id) from award w
                        join application a on a.id = w.application_id group by w.round_code, a.lead_type"""));
    }

    private static List<String> rows(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                + (rs.getObject(3) instanceof BigDecimal amount ? amount.setScale(2).toPlainString() : rs.getString(3)))
                .list();
    }

    private RoundTally() {
    }
}
