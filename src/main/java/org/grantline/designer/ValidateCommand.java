package org.grantline.designer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import java.nio.file.Path;

/**
 * {@code validate [--rules=./rules] [--bpmn=./bpmn]} on the command line: the same report as the HTTP
 * validation, without starting grantline (so it works when the rules are broken). Exit code 0 when valid,
 * 1 when not.
 */
public final class ValidateCommand {

    public static int run(String[] args) {
        Path rules = Path.of(option(args, "rules", "./rules"));
        Path bpmn = Path.of(option(args, "bpmn", "./bpmn"));
        // A throw-away in-memory engine gives Camunda's own BPMN parser; nothing is deployed anywhere.
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:grantline-validate;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .buildProcessEngine();
        try {
            ValidationReport report = new DesignValidator(
                    new EngineBpmnParser((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()))
                    .validate(rules, bpmn);
            System.out.print(report);
            return report.valid() ? 0 : 1;
        } finally {
            engine.close();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private ValidateCommand() {
    }
}
