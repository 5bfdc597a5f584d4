package org.grantline.workflow;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property Camunda's SQL mappings name reads the same through grantline's accessor as through OGNL's own,
 * on queries in several states; the read-method search runs once per class and property (fix 23).
 */
class QueryPropertyReadsTest {

    private static final Pattern EXPRESSION = Pattern.compile("(?:test|collection)=\"([^\"]*)\"|[#$]\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

    static List<Object> queries() {
        TaskQueryImpl tasks = new TaskQueryImpl();
        tasks.taskAssignee("demo-caseworker").withoutTenantId().or().taskName("Review").endOr();
        ProcessInstanceQueryImpl instances = new ProcessInstanceQueryImpl();
        instances.rootProcessInstances().processInstanceBusinessKey("app-1");
        return List.of(new TaskQueryImpl(), tasks, new ProcessInstanceQueryImpl(), instances, new ExecutionQueryImpl(),
                new HistoricProcessInstanceQueryImpl().finished(), new ListQueryParameterObject("parameter", 0, 10));
    }

    @BeforeAll
    static void installed() {
        QueryPropertyReads.install();
    }

    @Test
    void queriesAreReadThroughGrantlinesAccessor() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(QueryPropertyReads.Accessor.INSTANCE);
        assertThat(OgnlRuntime.getPropertyAccessor(HistoricProcessInstanceQueryImpl.class))
                .isSameAs(QueryPropertyReads.Accessor.INSTANCE);
    }

    @Test
    void everyPropertyTheMappingsNameReadsAsOgnlReadsIt() throws IOException, URISyntaxException {
        Set<String> names = propertyNamesInCamundasMappings();
        assertThat(names).contains("isOrQueryActive", "isWithoutTenantId", "resultType", "processInstanceId");
        int compared = 0;
        for (int i = 0; i < queries().size(); i++) {
            String query = i + ": " + queries().get(i).getClass().getSimpleName();
            for (String name : names) {
                // Each on a query of its own: a read may call a method that changes the query (completed()).
                Object ours = read(queries().get(i), name, QueryPropertyReads.Accessor.INSTANCE);
                Object ognls = read(queries().get(i), name, new ObjectPropertyAccessor());
                assertThat(describe(ours)).as("%s.%s", query, name).isEqualTo(describe(ognls));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
        // The names that took OGNL's slow search are among them, with the values the queries were given.
        TaskQueryImpl tasks = (TaskQueryImpl) queries().get(1);
        assertThat(read(tasks, "isWithoutTenantId", QueryPropertyReads.Accessor.INSTANCE)).isEqualTo(true);
        assertThat(read(new TaskQueryImpl(), "isWithoutTenantId", QueryPropertyReads.Accessor.INSTANCE)).isEqualTo(false);
        assertThat(read(queries().get(3), "isRootProcessInstances", QueryPropertyReads.Accessor.INSTANCE)).isEqualTo(true);
    }

    @Test
    void theSearchRunsOncePerClassAndProperty() {
        Object first = OgnlCache.getValue("q.isOrQueryActive", Map.of("q", new TaskQueryImpl()));
        QueryPropertyReads.Read found = QueryPropertyReads.Accessor.INSTANCE.lookup(TaskQueryImpl.class, "isOrQueryActive");
        OgnlCache.getValue("q.isOrQueryActive", Map.of("q", new TaskQueryImpl()));
        assertThat(first).isEqualTo(false);
        assertThat(found.getter()).isFalse();
        assertThat(found.method().getName()).isEqualTo("isOrQueryActive");
        assertThat(QueryPropertyReads.Accessor.INSTANCE.lookup(TaskQueryImpl.class, "isOrQueryActive")).isSameAs(found);
        assertThat(QueryPropertyReads.Accessor.INSTANCE.lookup(TaskQueryImpl.class, "processInstanceId").getter()).isTrue();
    }

    /** Plain values as they are; an object (each query is a fresh one) by its class, a collection with its size. */
    private static Object describe(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        if (value instanceof java.util.Collection<?> items) {
            return value.getClass().getSimpleName() + " of " + items.size();
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** A value, or the kind of failure, of {@code q.<name>} as MyBatis evaluates it with this accessor. */
    private static Object read(Object query, String name, org.apache.ibatis.ognl.PropertyAccessor accessor) {
        OgnlRuntime.setPropertyAccessor(query.getClass(), accessor);
        try {
            return Objects.requireNonNullElse(OgnlCache.getValue("q." + name, Map.of("q", query)), "(null)");
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "failed: " + e.getClass().getName() + ", at the root " + cause.getClass().getName() + ": "
                    + cause.getMessage();
        } finally {
            OgnlRuntime.setPropertyAccessor(query.getClass(), QueryPropertyReads.Accessor.INSTANCE);
        }
    }

    /** Every name in the tests, loops and parameters of Camunda's entity mappings (their SQL). */
    private static Set<String> propertyNamesInCamundasMappings() throws IOException, URISyntaxException {
        URL task = TaskQueryImpl.class.getResource("/org/camunda/bpm/engine/impl/mapping/entity/Task.xml");
        assertThat(task).as("Camunda's task mapping on the class path").isNotNull();
        Set<String> names = new TreeSet<>();
        JarURLConnection jar = (JarURLConnection) task.openConnection();
        try (JarFile file = new JarFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
            for (var entry : Collections.list(file.entries())) {
                if (!entry.getName().startsWith("org/camunda/bpm/engine/impl/mapping/entity/")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    Matcher expressions = EXPRESSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (expressions.find()) {
                        String expression = expressions.group(1) != null ? expressions.group(1) : expressions.group(2);
                        Matcher name = NAME.matcher(expression.replaceAll("'[^']*'", ""));
                        while (name.find()) {
                            names.add(name.group());
                        }
                    }
                }
            }
        }
        return names;
    }
}
