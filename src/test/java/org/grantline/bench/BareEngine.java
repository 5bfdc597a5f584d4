package org.grantline.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.grantline.decisions.FactsAssembler;
import org.grantline.intake.ApplicationRequest;
import org.grantline.milestones.SubmissionType;
import org.grantline.trail.CanonicalJson;
import org.grantline.workflow.Lifecycle;
import org.grantline.workflow.ProcessDates;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A bare Camunda engine (standalone configuration, no Spring, no grantline) running the OP-2014 diagram with
 * no-op delegates and listeners, on its own database, with grantline's history level (full) and removal-time
 * strategy (from the start), job executor off. It drives the same lifecycle script through Camunda's own
 * services, which makes it the limit. With {@code -Dbench.bare=dmn} (or {@code dmn-legacy-feel}) it is instead
 * the peer the issue names, Camunda with DMN: each rule task evaluates a DMN decision table, recorded in Camunda's
 * decision history ({@link Rules#DMN}).
 */
final class BareEngine implements LifecycleSteps, AutoCloseable {

    static final String PROCESS = "OP-2014";
    static final String DMN_TABLE = "bench/op-2014-eligibility.dmn";
    static final String DMN_DECISION = "eligibility";

    /** What the bare engine's rule tasks do. */
    enum Rules {
        /** Nothing but set the variables the gateways and timers read: the limit. */
        NO_OP("bare Camunda", "bare engine", "bare Camunda, same diagram with no-op delegates"),
        /**
         * Each of the nine rule tasks evaluates the one DMN table the suite has (OP-2014 eligibility, hit policy
         * COLLECT, on Camunda's default FEEL engine) on inputs the process starts with, and Camunda records each
         * evaluation (inputs, matched rules, outputs) in its decision history, as history {@code full} does; then
         * sets the same variables as {@link #NO_OP}. A stand-in for the nine real decisions, which have no DMN
         * version: what a hand-rolled Camunda + DMN application pays for its rules and their audit.
         */
        DMN("Camunda + DMN", "Camunda + DMN", "Camunda + DMN, same diagram with a DMN table per rule task, decision history on"),
        /** {@link #DMN} with the DMN engine's legacy (Java) FEEL, over 100 times faster in the decision benchmark. */
        DMN_LEGACY_FEEL("Camunda + DMN (legacy FEEL)", "Camunda + DMN (legacy FEEL)",
                "Camunda + DMN (legacy FEEL), same diagram with a DMN table per rule task, decision history on");

        /** In figure names ("CPU time per application, bare Camunda"). */
        final String engineName;
        /** In the ratios' names ("grantline / bare engine"). */
        final String versus;
        /** The engine's own rate. */
        final String label;

        Rules(String engineName, String versus, String label) {
            this.engineName = engineName;
            this.versus = versus;
            this.label = label;
        }

        /** {@code -Dbench.bare=no-op|dmn|dmn-legacy-feel}, no-op by default. */
        static Rules current() {
            String value = System.getProperty("bench.bare", "no-op");
            return Arrays.stream(values()).filter(rules -> rules.option().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("-Dbench.bare=" + value + ": use one of "
                            + Arrays.stream(values()).map(Rules::option).toList()));
        }

        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean dmn() {
            return this != NO_OP;
        }
    }

    private final ProcessEngine engine;
    private final Rules rules;

    private BareEngine(ProcessEngine engine, Rules rules) {
        this.engine = engine;
        this.rules = rules;
    }

    Rules rules() {
        return rules;
    }

    static BareEngine on(String jdbcUrl, String driver, String user, Path diagram, Rules rules) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-" + Long.toHexString(System.nanoTime()))
                .setJdbcUrl(jdbcUrl).setJdbcDriver(driver).setJdbcUsername(user).setJdbcPassword("")
                .setDatabaseSchemaUpdate("true")
                .setHistory("full")
                .setJobExecutorActivate(false);
        configuration.setBeans(Map.of("noOp", NoOpDelegates.RULE_TASK, "noOpListener", NoOpDelegates.LISTENER,
                "ruleOutcome", NoOpDelegates.RULE_OUTCOME, "dates", new ProcessDates()));
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START); // as grantline
        configuration.setDmnFeelEnableLegacyBehavior(rules == Rules.DMN_LEGACY_FEEL);
        ProcessEngine engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench")
                .addModelInstance(PROCESS + ".bpmn", NoOpBpmn.read(diagram, rules.dmn() ? DMN_DECISION : null));
        if (rules.dmn()) {
            deployment.addClasspathResource(DMN_TABLE);
        }
        deployment.deploy();
        return new BareEngine(engine, rules);
    }

    /** The table's inputs for the lifecycle's good application, as the decision benchmark derives them. */
    private static final class DmnInputs {
        static final Map<String, Object> GOOD_APPLICATION = of();

        private static Map<String, Object> of() {
            try {
                ApplicationRequest request = CanonicalJson.MAPPER.readValue(Lifecycle.goodApplicationJson("bench"),
                        ApplicationRequest.class);
                return Map.copyOf(DecisionLatency.dmnInputs(FactsAssembler.applicationFacts("application", request,
                        LocalDate.parse(LifecycleScript.SUBMITTED_ON))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String submit(String tag) {
        String key = tag + "-" + UUID.randomUUID();
        // As grantline, no start variables; with DMN the table's inputs, which a DMN process reads from variables.
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key,
                rules.dmn() ? DmnInputs.GOOD_APPLICATION : Map.of());
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

    /** The decisions Camunda recorded in its history for the application, with their inputs and outputs. */
    List<HistoricDecisionInstance> decisionsOf(String id) {
        String instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();
        return engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance)
                .includeInputs().includeOutputs().list();
    }

    DataSource dataSource() {
        return engine.getProcessEngineConfiguration().getDataSource();
    }

    @Override
    public void close() {
        engine.close();
    }
}
