package db.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** V5: the running tally of a database that already holds awards starts from exactly those awards. */
class RoundTallyStartsFromTheAwardsTest {

    @Test
    void theTallyCountsTheAwardsAlreadyBooked() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:v5;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).table("grantline_schema_history").target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("insert into round_position values ('R', current_timestamp)").update();
        jdbc.sql("insert into round_position values ('EMPTY', current_timestamp)").update();
        application(jdbc, "a", "LOCAL_AUTHORITY");
        application(jdbc, "b", "LOCAL_AUTHORITY");
        application(jdbc, "c", "VCS_BODY");
        application(jdbc, "d", "VCS_BODY");
        award(jdbc, "a", "GETTING_READY", "3000.00");
        award(jdbc, "a", "GETTING_GOING", "12000.50");
        award(jdbc, "b", "GETTING_READY", "3000.00");
        award(jdbc, "c", "GETTING_READY", "3000.00");

        Flyway.configure().dataSource(db).table("grantline_schema_history").target("5").load().migrate();

        assertThat(jdbc.sql("select round_code || ' ' || accepted || ' ' || committed_amount from round_position "
                + "order by round_code").query(String.class).list()).containsExactly("EMPTY 0 0.00", "R 3 21000.50");
        assertThat(jdbc.sql("select dimension || ' ' || name || ' ' || n from round_count where round_code = 'R' "
                + "order by dimension, name").query(String.class).list()).containsExactly(
                "AWARD_TYPE GETTING_GOING 1", "AWARD_TYPE GETTING_READY 3", "LEAD_TYPE LOCAL_AUTHORITY 2",
                "LEAD_TYPE VCS_BODY 1");
        assertThat(jdbc.sql("select area_district_key from application order by id").query(String.class).list())
                .as("the district key for double funding, as SQL lower-cases and trims the district")
                .containsExactly("stockport", "stockport", "stockport", "stock port");
    }

    private static void application(JdbcClient jdbc, String id, String leadType) {
        jdbc.sql("insert into application (id, round_code, lead_key, lead_name, lead_type, area_name, area_district, "
                        + "stage, submitted_on, submitted_at, submitted_by, payload) values (?, 'R', ?, ?, ?, 'x', ?, "
                        + "'SUBMITTED', current_date, current_timestamp, 'u', '{}')")
                .params(id, id, id, leadType, id.equals("d") ? " Stock PORT " : "Stockport").update();
        jdbc.sql("insert into decision_record (id, application_id, round_code, decision, outcome, ruleset_version, "
                        + "decision_date, inputs, outputs, fired, trigger_type, triggered_by, recorded_at) "
                        + "values (?, ?, 'R', 'd', 'o', 'v', current_date, '[]', '{}', '[]', 't', 'u', current_timestamp)")
                .params("decision-" + id, id).update();
    }

    private static void award(JdbcClient jdbc, String applicationId, String type, String amount) {
        jdbc.sql("insert into award (id, application_id, round_code, type, amount, clause, decision_id, created_at) "
                        + "values (?, ?, 'R', ?, ?, 'R1', ?, current_timestamp)")
                .params(applicationId + type, applicationId, type, new java.math.BigDecimal(amount),
                        "decision-" + applicationId).update();
    }
}
