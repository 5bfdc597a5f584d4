package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 360Giving export over HTTP, validated against the standard's own JSON schema (v1.4.3, CC BY 4.0, in
 * src/test/resources/360giving as shared/data/360giving has it; no network).
 */
class OpenDataApiIT extends GrantlineIT {

    /** The package schema refers to the grant schema by its published address: read it from the copy here. */
    static final Schema PACKAGE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry ->
                    registry.schemaLoader(loader -> loader.schemaIdResolvers(ids -> ids.mapPrefix(
                            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/", "classpath:360giving/"))))
            .getSchema(SchemaLocation.of("classpath:360giving/360-giving-package-schema.json"));

    /** As 360Giving's own checker does, formats are asserted (the schema tells dates from date-times by format). */
    static List<Error> errors(JsonNode pack) {
        return PACKAGE.validate(pack, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    @LocalServerPort
    int port;
    @Autowired
    Lifecycle drive;

    @Test
    void theAwardsOfARoundAreA360GivingPackageThatPassesTheSchema() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("open-data"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        ApiClient api = new ApiClient(port);

        ApiClient.Response response = api.get("demo-auditor", "/api/opendata/360giving.json?round=OP-2014");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode pack = response.json();
        List<Error> errors = errors(pack);
        assertThat(errors).as("360Giving schema errors").isEmpty();
        JsonNode grant = null;
        for (JsonNode g : pack.path("grants")) {
            if (g.path("id").asText().equals("360G-grantline-" + id)) {
                grant = g;
            }
        }
        assertThat(grant).as("the accepted application is a grant").isNotNull();
        assertThat(grant.path("amountAwarded").decimalValue()).isEqualByComparingTo("3000");
        assertThat(grant.path("awardDate").asText()).isEqualTo("2014-02-10");
        assertThat(grant.path("grantProgramme").get(0).path("code").asText()).isEqualTo("OP-2014");
        assertThat(grant.path("disbursementTransaction")).hasSize(1);
        assertThat(grant.path("disbursementTransaction").get(0).path("value").decimalValue()).isEqualByComparingTo("3000");

        String csv = api.get("demo-auditor", "/api/opendata/360giving.csv?round=OP-2014").body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Identifier,Title,Description,Currency,Amount Awarded");
        assertThat(csv).contains("360G-grantline-" + id + ",Our Place 2014/15: " + drive.row(id).leadName());

        assertThat(api.get("demo-auditor", "/api/opendata/360giving.json").status()).as("all rounds").isEqualTo(200);
        assertThat(api.get("demo-auditor", "/api/opendata/360giving.json?round=NOPE").status()).isEqualTo(422);
        assertThat(api.get("demo-applicant", "/api/opendata/360giving.json").status()).isEqualTo(403);
    }

    @Test
    void theSchemaCheckWouldCatchABrokenGrant() {
        ObjectNode broken = (ObjectNode) new ApiClient(port).get("demo-auditor", "/api/opendata/360giving.json").json();
        broken.putArray("grants").addObject().put("id", "x").put("amountAwarded", "lots").put("currency", "POUNDS");
        assertThat(errors(broken)).isNotEmpty();
    }
}
