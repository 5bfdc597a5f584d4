package org.grantline.trail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaining locks and reads the head in one statement where the database can say so (H2's words here), in two
 * elsewhere: both number and link the entries alike. Outside a transaction, an append is chained at once.
 */
class AuditTrailChainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"H2", "a database with neither H2's nor PostgreSQL's words"})
    void entriesAreNumberedAndLinkedFromTheHead(String databaseName) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__audit_trail.sql")).execute(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditTrail trail = new AuditTrail(jdbc, new JdbcTemplate(dataSource), databaseName);

        trail.append("TEST", "r1", null, "test", Instant.EPOCH, Map.of("n", 1));
        trail.append("TEST", "r2", null, "test", Instant.EPOCH, Map.of("n", 2));

        List<Map<String, Object>> rows = jdbc.sql("select seq, prev_hash, hash from audit_trail order by seq")
                .query().listOfRows();
        assertThat(rows).extracting(row -> ((Number) row.get("SEQ")).longValue()).containsExactly(1L, 2L);
        assertThat(rows.get(1).get("PREV_HASH")).isEqualTo(rows.get(0).get("HASH"));
        assertThat(rows.get(1).get("HASH")).isEqualTo(AuditTrail.hash((String) rows.get(0).get("HASH"), 2, "TEST",
                "r2", "{\"n\":2}"));
        assertThat(jdbc.sql("select last_seq, last_hash from audit_head where id = 1").query().singleRow())
                .containsEntry("LAST_SEQ", 2L).containsEntry("LAST_HASH", rows.get(1).get("HASH"));
    }
}
