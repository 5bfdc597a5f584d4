package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The trail's {@code hash} loses its unique index. Each hash covers the previous entry's, so the chain itself makes
 * every hash depend on all entries before it, and {@code ChainVerifier} checks each one; no query looks an entry up
 * by its hash. The index only cost every append a write to a random page of it (a hash is random): on H2 a read
 * from the database file whenever the page cache had let that page go (docs/benchmarks.md, fix 22).
 * <p>
 * V2 left the constraint unnamed, so its name is the database's own (H2 {@code CONSTRAINT_…}, PostgreSQL
 * {@code audit_trail_hash_key}) and is looked up: a unique constraint on {@code hash} alone.
 */
public class V6__Trail_hash_without_unique_index extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V6__Trail_hash_without_unique_index.class);

    @Override
    public void migrate(Context context) throws Exception {
        List<String> constraints = new ArrayList<>();
        try (PreparedStatement select = context.getConnection().prepareStatement("""
                select c.constraint_name from information_schema.table_constraints c
                join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
                 and k.constraint_name = c.constraint_name
                where lower(c.table_name) = 'audit_trail' and c.table_schema = current_schema
                  and c.constraint_type = 'UNIQUE'
                group by c.constraint_name
                having count(*) = 1 and max(lower(k.column_name)) = 'hash'""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                constraints.add(rows.getString(1));
            }
        }
        if (constraints.isEmpty()) {
            log.warn("audit_trail.hash has no unique constraint of its own in schema {}; nothing to drop",
                    context.getConnection().getSchema());
        }
        try (Statement alter = context.getConnection().createStatement()) {
            for (String name : constraints) {
                alter.execute("alter table audit_trail drop constraint \"" + name.replace("\"", "\"\"") + "\"");
                log.info("Dropped {}, the unique constraint on audit_trail.hash", name);
            }
        }
    }
}
