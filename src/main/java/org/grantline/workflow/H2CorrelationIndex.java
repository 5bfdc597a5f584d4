package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On H2, an index that lets Camunda's message correlation find the one event subscription of the execution it
 * correlates to, whatever statistics H2 last gathered. Without it, statistics taken while few applications
 * were active lead H2 to read every application's subscription to the same message for each correlation, so a
 * submission's cost grows with the number of applications waiting (docs/benchmarks.md, fix 13). It holds every
 * column the correlation's {@code exists} reads, which makes it cheaper than the message-name index under any
 * statistics. PostgreSQL keeps its statistics current and has Camunda's own index on the execution.
 */
@Component
class H2CorrelationIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "GL_IDX_EVENT_SUBSCR_EXEC_EVENT";

    private static final Logger log = LoggerFactory.getLogger(H2CorrelationIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"h2".equals(configuration.getDatabaseType())) {
            return;
        }
        // Camunda creates its tables while the engine is built, so this can only come after; a no-op once made.
        String prefix = configuration.getDatabaseTablePrefix(); // a schema, if any, names the index too
        new JdbcTemplate(configuration.getDataSource()).execute("create index if not exists " + prefix + INDEX
                + " on " + prefix + "ACT_RU_EVENT_SUBSCR (EXECUTION_ID_, EVENT_TYPE_, EVENT_NAME_, ID_)");
        log.debug("H2 index {} on ACT_RU_EVENT_SUBSCR in place", INDEX);
    }
}
