package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.grantline.decisions.FactsAssembler;
import org.grantline.milestones.Payloads;
import org.grantline.rules.facts.Cba;
import org.grantline.trail.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan stored with present values only reads, after the migration, as an appraisal of exactly those values. */
class PlansKeepTheirCbaAppraisalTest {

    @Test
    void aLegacyPlanBecomesAnAppraisalWithTheSamePresentValues() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:v4;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).table("grantline_schema_history").target("3").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("insert into round_position values ('R', current_timestamp)").update();
        jdbc.sql("insert into application (id, round_code, lead_key, lead_name, lead_type, area_name, area_district, stage, "
                + "submitted_on, submitted_at, submitted_by, payload) values ('a', 'R', 'k', 'n', 't', 'x', 'y', 'SIGN_OFF', "
                + "current_date, current_timestamp, 'u', '{}')").update();
        String legacy = "{\"sections\":[\"PROPOSALS\"],\"firstYearBudget\":30000,\"cba\":{\"costs\":10000,"
                + "\"fiscalBenefits\":9000,\"economicBenefits\":1000,\"socialBenefits\":500.50}}";
        jdbc.sql("insert into submission (application_id, type, submitted_on, submitted_at, submitted_by, payload) "
                + "values ('a', 'FINAL_PLAN', current_date, current_timestamp, 'u', ?)").param(legacy).update();
        jdbc.sql("insert into submission (application_id, type, submitted_on, submitted_at, submitted_by, payload) "
                + "values ('a', 'DRAFT_PLAN', current_date, current_timestamp, 'u', '{\"sections\":[\"PROPOSALS\"]}')").update();

        Flyway.configure().dataSource(db).table("grantline_schema_history").target("4").load().migrate();

        String migrated = jdbc.sql("select payload from submission where type = 'FINAL_PLAN'").query(String.class).single();
        Payloads.Plan plan = CanonicalJson.MAPPER.readValue(migrated, Payloads.Plan.class);
        assertThat(FactsAssembler.cbaFact(plan.appraisal())).isEqualTo(new Cba(new java.math.BigDecimal("10000.00"),
                new java.math.BigDecimal("9000.00"), new java.math.BigDecimal("1000.00"), new java.math.BigDecimal("500.50")));
        assertThat(plan.appraisal().fiscalRatio()).isEqualByComparingTo("0.9");
        assertThat(plan.firstYearBudget()).isEqualByComparingTo("30000");
        assertThat(plan.cba().outcomes()).allSatisfy(o -> assertThat(o.source()).contains("before grantline appraised"));
        JsonNode draft = CanonicalJson.MAPPER.readTree(jdbc.sql("select payload from submission where type = 'DRAFT_PLAN'")
                .query(String.class).single());
        assertThat(draft.toString()).as("a plan without a CBA is left alone").isEqualTo("{\"sections\":[\"PROPOSALS\"]}");
    }
}
