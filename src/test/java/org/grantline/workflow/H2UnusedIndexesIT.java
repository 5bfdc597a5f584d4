package org.grantline.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.grantline.GrantlineIT;
import org.grantline.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 Camunda's tenant and case indexes on the application tables (fix 27) and the indexes that only repeat the
 * start of another (fix 29) are gone, and Tasklist's queries still work.
 */
class H2UnusedIndexesIT extends GrantlineIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Lifecycle drive;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void everyIndexDroppedIsOneOfCamundasOnATenantOrCaseColumn() throws IOException {
        String created = camundaScript("engine") + camundaScript("history");
        for (String index : H2UnusedIndexes.INDEXES) {
            Matcher definition = definition(created, index);
            assertThat(definition.group(2).trim()).as(index).isIn("TENANT_ID_", "CASE_INST_ID_", "CASE_EXECUTION_ID_");
            assertThat(foreignKeyColumns(definition.group(1))).as(index + " backs no foreign key")
                    .doesNotContain(definition.group(2).trim());
        }
    }

    @Test
    void everyIndexDroppedAsCoveredLeadsTheIndexThatCoversItOnTheSameTable() throws IOException {
        String created = camundaScript("engine") + camundaScript("history");
        H2UnusedIndexes.COVERED.forEach((index, longer) -> {
            Matcher dropped = definition(created, index);
            Matcher covering = definition(created, longer);
            assertThat(covering.group(1)).as(longer + "'s table").isEqualTo(dropped.group(1));
            List<String> columns = columns(dropped.group(2));
            List<String> coveringColumns = columns(covering.group(2));
            assertThat(coveringColumns).as(longer + " covers " + index).hasSizeGreaterThan(columns.size())
                    .startsWith(columns.toArray(String[]::new));
            assertThat(foreignKeyColumns(dropped.group(1))).as(index + " backs no foreign key")
                    .doesNotContainAnyElementsOf(columns);
        });
    }

    @Test
    void theIndexesAreGoneAndTasklistsQueriesStillFindTasks() {
        List<String> left = jdbc.queryForList("select index_name from information_schema.indexes", String.class);
        assertThat(left).doesNotContainAnyElementsOf(H2UnusedIndexes.INDEXES).contains("ACT_IDX_TASK_CREATE")
                .doesNotContainAnyElementsOf(H2UnusedIndexes.COVERED.keySet())
                .containsAll(H2UnusedIndexes.COVERED.values());

        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("unused-indexes"));
        String instance = drive.instance(id).getId();
        // Signed in as Tasklist signs a caseworker in: Camunda's tenant check adds TENANT_ID_ is null to the query.
        identity.setAuthentication(Lifecycle.CASEWORKER, List.of(Roles.CASEWORKER));
        try {
            List<Task> found = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup(Roles.CASEWORKER)
                    .list();
            assertThat(found).extracting(Task::getTaskDefinitionKey).containsExactly("Task_ReviewApplication");
        } finally {
            identity.clearAuthentication();
        }
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(drive.stage(id)).isEqualTo("GETTING_READY");
    }

    private static Matcher definition(String script, String index) {
        Matcher definition = Pattern.compile("(?i)create index " + index + " on (\\w+)\\s*\\(([^)]*)\\)").matcher(script);
        assertThat(definition.find()).as(index + " in Camunda's H2 scripts").isTrue();
        return definition;
    }

    private static List<String> columns(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    private List<String> foreignKeyColumns(String table) {
        return jdbc.queryForList("""
                select k.column_name from information_schema.table_constraints c
                join information_schema.key_column_usage k on k.constraint_name = c.constraint_name
                where c.constraint_type = 'FOREIGN KEY' and c.table_name = ?""", String.class, table);
    }

    private static String camundaScript(String part) throws IOException {
        try (InputStream in = ProcessEngine.class.getResourceAsStream("/org/camunda/bpm/engine/db/create/activiti.h2.create."
                + part + ".sql")) {
            assertThat(in).as("Camunda's H2 " + part + " script").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
