package db.migration;

import org.flywaydb.core.Flyway;
import org.grantline.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V6: the trail's hash loses its unique index on H2 and on PostgreSQL; the sequence stays the primary key. */
class TrailHashWithoutUniqueIndexTest {

    @Test
    void onH2() {
        migrateAndCheck(new DriverManagerDataSource("jdbc:h2:mem:v6-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void onPostgres() {
        PostgresDatabase.assumeReachable("V6 on PostgreSQL");
        String name = PostgresDatabase.create("v6");
        try {
            migrateAndCheck(new DriverManagerDataSource(PostgresDatabase.SERVER + name, PostgresDatabase.USER, ""));
        } finally {
            PostgresDatabase.drop(name);
        }
    }

    private static void migrateAndCheck(DataSource db) {
        Flyway.configure().dataSource(db).table("grantline_schema_history").target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        entry(jdbc, 1, "same-hash");
        assertThatThrownBy(() -> entry(jdbc, 2, "same-hash")).as("V2's unique index")
                .isInstanceOf(DataIntegrityViolationException.class);

        Flyway.configure().dataSource(db).table("grantline_schema_history").target("6").load().migrate();

        entry(jdbc, 2, "same-hash");
        assertThat(jdbc.sql("select count(*) from audit_trail where hash = 'same-hash'").query(Integer.class).single())
                .isEqualTo(2);
        assertThatThrownBy(() -> entry(jdbc, 2, "another-hash")).as("the sequence is still the primary key")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void entry(JdbcClient jdbc, long seq, String hash) {
        jdbc.sql("insert into audit_trail (seq, kind, ref_id, application_id, actor, recorded_at, content, prev_hash, "
                + "hash) values (?, 'DECISION', 'r', 'a', 'u', current_timestamp, '{}', 'p', ?)").params(seq, hash).update();
    }
}
