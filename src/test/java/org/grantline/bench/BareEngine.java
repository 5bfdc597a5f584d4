package org.grantline.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.ProcessDates;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;

/**
 * A bare Camunda engine (standalone configuration, no Spring, no grantline) running the OP-2014 diagram with
 * no-op delegates and listeners, on its own database, with grantline's history level (full) and removal-time
 * strategy (from the start), job executor off. It drives the same lifecycle script through Camunda's own
 * services, which makes it the limit.
 */
final class BareEngine implements LifecycleSteps, AutoCloseable {

    static final String PROCESS = "OP-2014";

    private final ProcessEngine engine;

    private BareEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    static BareEngine on(String jdbcUrl, String driver, String user, Path diagram) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-" + Long.toHexString(System.nanoTime()))
                .setJdbcUrl(jdbcUrl).setJdbcDriver(driver).setJdbcUsername(user).setJdbcPassword("")
                .setDatabaseSchemaUpdate("true")
                .setHistory("full")
                .setJobExecutorActivate(false);
        configuration.setBeans(Map.of("noOp", NoOpDelegates.RULE_TASK, "noOpListener", NoOpDelegates.LISTENER,
                "dates", new ProcessDates()));
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START); // as grantline
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bench")
                .addModelInstance(PROCESS + ".bpmn", NoOpBpmn.read(diagram)).deploy();
        return new BareEngine(engine);
    }

    @Override
    public String submit(String tag) {
        String key = tag + "-" + java.util.UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key); // as grantline: no start variables
        return key;
    }

    @Override
    public void send(String id, SubmissionType type, String payloadJson) {
        engine.getRuntimeService().createMessageCorrelation(type.message()).processInstanceBusinessKey(id)
                .correlateWithResult();
    }

    @Override
    public void complete(String id, String taskKey, Map<String, Object> values) {
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(taskKey).singleResult();
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    @Override
    public void fireTimer(String id, String activityId) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId)
                .timers().singleResult();
        engine.getManagementService().executeJob(job.getId());
    }

    @Override
    public boolean completed(String id) {
        var done = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .completed().singleResult();
        return done != null && "End_Completed".equals(done.getEndActivityId());
    }

    DataSource dataSource() {
        return engine.getProcessEngineConfiguration().getDataSource();
    }

    @Override
    public void close() {
        engine.close();
    }
}
