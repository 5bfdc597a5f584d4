package org.grantline.designer;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.grantline.workflow.DistinctFormFieldIds;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Uses the engine's own BPMN parser (no deployment is made), so its errors are exactly Camunda's, with grantline's
 * own deployment check ({@link DistinctFormFieldIds}).
 */
public class EngineBpmnParser implements BpmnParser {

    private final ProcessEngineConfigurationImpl configuration;

    public EngineBpmnParser(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public List<String> parse(String fileName, String xml) {
        List<String> problems = new ArrayList<>();
        try {
            configuration.getCommandExecutorTxRequired().execute(context -> {
                DistinctFormFieldIds.parse(configuration.getExpressionManager(), fileName, xml);
                return null;
            });
        } catch (ParseException e) {
            e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> problems.add(
                    (problem.getMainElementId() == null ? "(diagram)" : problem.getMainElementId())
                            + " (line " + problem.getLine() + "): " + problem.getMessage())));
            if (problems.isEmpty()) {
                problems.add("(diagram): " + e.getMessage());
            }
        } catch (ProcessEngineException e) {
            problems.add("(diagram): " + e.getMessage());
        }
        return problems;
    }

    @Override
    public List<String> processKeys(String xml) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getModelElementsByType(Process.class).stream().map(Process::getId).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
