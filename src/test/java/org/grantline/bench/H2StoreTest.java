package org.grantline.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class H2StoreTest {

    @TempDir
    Path dir;

    @Test
    void aFileDatabaseCountsThePagesItReadsBackFromItsFile() {
        // Open until shut down: H2 closes a database with its last connection, and its counters start again.
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";CACHE_SIZE=1024;DB_CLOSE_DELAY=-1";
        JdbcClient writer = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
        writer.sql("create table t (id int primary key, v varchar)").update();
        writer.sql("insert into t select x, repeat('v', 500) from system_range(1, 20000)").update();
        writer.sql("shutdown").update();

        DriverManagerDataSource reopened = new DriverManagerDataSource(url, "sa", "");
        H2Store before = H2Store.of(reopened);
        assertThat(JdbcClient.create(reopened).sql("select sum(length(v)) from t").query(Long.class).single())
                .isEqualTo(20000L * 500);
        H2Store after = H2Store.of(reopened);

        assertThat(after.onFile()).isTrue();
        assertThat(H2Store.isFile(reopened)).isTrue();
        assertThat(after.readsPerUnitSince(before, 1)).as("a scan of a 10 MB table through a 1 MiB cache")
                .isGreaterThan(100);
        assertThat(after.fileBytes()).isGreaterThan(5_000_000);
        assertThat(after.cacheMaxMiB()).isEqualTo(1);
        JdbcClient.create(reopened).sql("shutdown").update();
    }

    @Test
    void anInMemoryDatabaseHasNoFile() {
        DriverManagerDataSource inMemory = new DriverManagerDataSource("jdbc:h2:mem:store-" + System.nanoTime(), "sa", "");
        H2Store memory = H2Store.of(inMemory);
        assertThat(memory.onFile()).isFalse();
        assertThat(H2Store.isFile(inMemory)).isFalse();
        assertThat(H2Store.isFile(null)).as("no H2 database given (grantline on PostgreSQL)").isFalse();
        assertThat(memory.fileReads()).isZero();
    }
}
