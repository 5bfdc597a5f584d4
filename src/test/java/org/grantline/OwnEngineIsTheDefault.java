package org.grantline;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's REST API and webapps find the process engine by name in one registry per JVM, so with several test
 * contexts alive (H2, PostgreSQL, …) "default" is whichever started last. Before each test, the test's own
 * context's engine becomes the one they find. Registered in META-INF/spring.factories.
 */
public class OwnEngineIsTheDefault implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext test) {
        test.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
