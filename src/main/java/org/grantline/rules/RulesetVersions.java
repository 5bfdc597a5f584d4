package org.grantline.rules;

import org.grantline.trail.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every ruleset version that came into force, kept whole in the database (all file contents, by content
 * hash), so that any recorded decision can be replayed with its own rules even after the files on disk
 * have changed or gone. Compiled versions are cached.
 */
@Component
public class RulesetVersions {

    private static final int COMPILED_CACHE_SIZE = 16;

    private final JdbcClient jdbc;
    private final RulesetRegistry registry;
    private final Map<String, Ruleset> compiled = new LinkedHashMap<>(COMPILED_CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
            return size() > COMPILED_CACHE_SIZE;
        }
    };

    RulesetVersions(JdbcClient jdbc, RulesetRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Keeps a version if it is not kept yet; a version is immutable, so registering twice changes nothing. */
    public void register(Ruleset ruleset, String by, Instant at) {
        boolean known = jdbc.sql("select count(*) from ruleset_version where version = ?").param(ruleset.version())
                .query(Integer.class).single() > 0;
        if (!known) {
            jdbc.sql("""
                    insert into ruleset_version (version, round_code, files, registered_at, registered_by)
                    values (?, ?, ?, ?, ?)""")
                    .params(ruleset.version(), ruleset.round().code(), CanonicalJson.write(ruleset.files()),
                            Timestamp.from(at), by)
                    .update();
        }
    }

    /** The compiled ruleset of a stored version: the active one when it is, else compiled from the database. */
    public Ruleset ruleset(String version) {
        for (Ruleset active : registry.all()) {
            if (active.version().equals(version)) {
                return active;
            }
        }
        synchronized (compiled) {
            return compiled.computeIfAbsent(version, v -> new RulesetCompiler().compile(files(v)));
        }
    }

    public RulesetFiles files(String version) {
        String json = jdbc.sql("select files from ruleset_version where version = ?").param(version)
                .query(String.class).optional()
                .orElseThrow(() -> new UnknownRulesetVersionException(version));
        try {
            return CanonicalJson.MAPPER.readValue(json, RulesetFiles.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full version for a hash or a unique prefix of at least 8 hex digits. */
    public String resolve(String versionOrPrefix) {
        if (versionOrPrefix == null || !versionOrPrefix.matches("[0-9a-f]{8,64}")) {
            throw new UnknownRulesetVersionException(versionOrPrefix == null ? "" : versionOrPrefix.substring(0,
                    Math.min(versionOrPrefix.length(), 80)) + " (a version is 8 to 64 lower-case hex digits)");
        }
        List<String> matches = jdbc.sql("select version from ruleset_version where version like ? order by version")
                .param(versionOrPrefix + "%").query(String.class).list();
        if (matches.size() != 1) {
            throw new UnknownRulesetVersionException(versionOrPrefix + (matches.isEmpty() ? ""
                    : " (prefix matches " + matches.size() + " versions; give more digits)"));
        }
        return matches.get(0);
    }

    public List<VersionInfo> list() {
        return jdbc.sql("select version, round_code, registered_at, registered_by from ruleset_version order by registered_at")
                .query((rs, n) -> new VersionInfo(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    public record VersionInfo(String version, String round, Instant registeredAt, String registeredBy) {
    }
}
