package org.grantline.workflow;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running engine runs the plugin, and queries that take the accessor still find their tasks (fix 23). Unit
 * tests in the same JVM install the accessor too, so the plugin list is what shows the engine's own part.
 */
class QueryPropertyReadsIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessEngine engine;

    @Test
    void theEnginesQueriesAreReadThroughGrantlinesAccessor() throws Exception {
        // The engine runs the plugin (unit tests in this JVM may have installed the accessor too).
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getProcessEnginePlugins()
                .stream().flatMap(p -> p instanceof CompositeProcessEnginePlugin all ? all.getPlugins().stream() : Stream.of(p)))
                .hasAtLeastOneElementOfType(QueryPropertyReads.class);
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(QueryPropertyReads.Accessor.INSTANCE);
        assertThat(OgnlRuntime.getPropertyAccessor(HistoricProcessInstanceQueryImpl.class))
                .isSameAs(QueryPropertyReads.Accessor.INSTANCE);

        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("query-property-reads"));
        String instance = drive.instance(id).getId();

        // An or-query and the no-tenant filter are the properties OGNL searched for (isOrQueryActive, isWithoutTenantId).
        List<Task> found = tasks.createTaskQuery().processInstanceId(instance).withoutTenantId()
                .or().taskDefinitionKey("Task_ReviewApplication").taskName("no such task").endOr().list();
        List<Task> none = tasks.createTaskQuery().processInstanceId(instance)
                .or().taskDefinitionKey("no-such-task").taskName("no such task").endOr().list();

        assertThat(found).extracting(Task::getTaskDefinitionKey).containsExactly("Task_ReviewApplication");
        assertThat(none).isEmpty();
    }
}
