package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates grantline's tables before the process engine creates its own. Flyway refuses a schema
 * that already holds tables but no history of its own, and which bean first asks for the engine (any
 * bean using an engine service) is otherwise a matter of bean order.
 */
@Component
class FlywayBeforeProcessEngine extends AbstractDependsOnBeanFactoryPostProcessor {

    FlywayBeforeProcessEngine() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
    }
}
