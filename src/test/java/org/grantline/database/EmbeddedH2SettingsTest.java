package org.grantline.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's H2 URL (application.yml), resolved as Spring resolves it and opened: H2 itself reports
 * the statement cache that fix 14 relies on.
 */
class EmbeddedH2SettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDefaultKeepsStatementsParsed() throws Exception {
        try (Connection h2 = open()) {
            assertThat(setting(h2, "QUERY_CACHE_SIZE")).isEqualTo("256");
        }
    }

    private Connection open() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("application.yml", yaml.getObject()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("grantline.data-dir",
                dataDir.toString())));
        String url = environment.getRequiredProperty("spring.datasource.url");
        return DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"), "");
    }

    private static String setting(Connection h2, String name) throws Exception {
        try (PreparedStatement query = h2.prepareStatement(
                "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("H2 reports %s", name).isTrue();
                return row.getString(1);
            }
        }
    }
}
