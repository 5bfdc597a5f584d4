package org.grantline.workflow;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Refuses a diagram whose task or start form defines two fields with one id. Camunda deploys it: Tasklist then
 * shows two inputs for one variable and submits whichever it likes, and grantline's completion check reads the
 * first definition only, so a second field's constraints (required, say) would silently not hold. Checks every new
 * deployment (the bpmn folder at start, designers' deployments, Camunda's REST API) and the designer's validation
 * ({@code designer.EngineBpmnParser}); the problem names the task or start event, its line and the fields' lines.
 * A deployment the engine reads back from the database is not checked, so a version deployed before the check
 * keeps running, and stays deployed while unchanged (a bpmn-folder deployment holds only the diagrams that
 * changed); a designer's deployment validates every diagram of its folder, so it is refused until such a diagram is
 * put right.
 */
@Component
public class DistinctFormFieldIds extends AbstractProcessEnginePlugin {

    private static final BpmnParseListener CHECK = new AbstractBpmnParseListener() {
        @Override
        public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
            check(userTask);
        }

        @Override
        public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
            check(startEvent);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(deployment -> {
            if (deployment.isNew()) {
                // read from the bytes, as Camunda's own deployer does, so that the diagram's declared encoding holds
                deployment.getResources().values().stream().filter(r -> isDiagram(r.getName())).forEach(r ->
                        parse(configuration.getExpressionManager(), r.getName())
                                .sourceInputStream(new ByteArrayInputStream(r.getBytes())).execute());
            }
        });
        configuration.setCustomPreDeployers(deployers);
    }

    /**
     * Parses a diagram as the engine deploys it, with this check, and makes nothing: Camunda's {@link ParseException}
     * (each problem with its element and line) if it would not deploy or the check fails.
     */
    public static void parse(ExpressionManager expressions, String name, String xml) {
        // UTF-8, as a deployment encodes a diagram added as text (Camunda's sourceString takes the platform's)
        parse(expressions, name).sourceInputStream(new ByteArrayInputStream(xml.getBytes(UTF_8))).execute();
    }

    private static Parse parse(ExpressionManager expressions, String name) {
        BpmnParser parser = new BpmnParser(expressions, new DefaultBpmnParseFactory());
        parser.getParseListeners().add(CHECK);
        DeploymentEntity probe = new DeploymentEntity();
        probe.setName(name);
        return parser.createParse().deployment(probe).name(name);
    }

    private static boolean isDiagram(String resource) {
        return Arrays.stream(BpmnDeployer.BPMN_RESOURCE_SUFFIXES).anyMatch(resource::endsWith);
    }

    /**
     * Camunda's parse turns the exception into a problem of the element, with its line, and stops there: every
     * repeated id of the form goes into the one message.
     */
    private static void check(Element formOwner) {
        Map<String, List<Integer>> linesById = new LinkedHashMap<>();
        for (Element field : LiveForms.formFieldElements(formOwner)) {
            linesById.computeIfAbsent(field.attribute("id"), id -> new ArrayList<>()).add(field.getLine());
        }
        String repeated = linesById.entrySet().stream()
                .filter(field -> field.getKey() != null && field.getValue().size() > 1)
                .map(field -> "form field '" + field.getKey() + "' is defined " + field.getValue().size()
                        + " times (lines " + field.getValue().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
        if (!repeated.isEmpty()) {
            throw new BpmnParseException(repeated + ": each field of a form needs an id of its own", formOwner);
        }
    }
}
