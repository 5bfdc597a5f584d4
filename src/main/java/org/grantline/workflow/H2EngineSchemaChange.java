package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A change grantline makes to Camunda's tables on H2 only, once the engine is built: Camunda creates its tables
 * while it is built, so nothing can change them before. Each statement must be a no-op when already applied.
 */
abstract class H2EngineSchemaChange extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(H2EngineSchemaChange.class);

    /** The statements, with Camunda's table prefix (a schema, if any) before every table and index name. */
    abstract List<String> statements(String prefix);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"h2".equals(configuration.getDatabaseType())) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        List<String> statements = statements(configuration.getDatabaseTablePrefix());
        statements.forEach(jdbc::execute);
        log.debug("{}: {} statements on Camunda's H2 tables", getClass().getSimpleName(), statements.size());
    }
}
