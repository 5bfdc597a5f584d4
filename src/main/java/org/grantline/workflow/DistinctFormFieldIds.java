package org.grantline.workflow;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses a diagram whose task or start form defines two fields with one id. Camunda deploys it: Tasklist then
 * shows two inputs for one variable and submits whichever it likes, and grantline's completion check reads the
 * first definition only, so a second field's constraints (required, say) would silently not hold. Runs in every
 * deployment (the bpmn folder at start, designers' deployments, Camunda's REST API) and in the designer's
 * validation ({@code designer.EngineBpmnParser}), where the problem is reported with the element and its line.
 */
@Component
public class DistinctFormFieldIds extends AbstractProcessEnginePlugin {

    /** The check, for a parser of one's own. */
    public static final BpmnParseListener LISTENER = new AbstractBpmnParseListener() {
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
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(LISTENER);
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Camunda's parse turns the exception into a problem of the element, with its line. */
    static void check(Element formOwner) {
        Element extensions = formOwner.element("extensionElements");
        Element formData = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData");
        if (formData == null) {
            return;
        }
        Map<String, List<Integer>> linesById = new LinkedHashMap<>();
        for (Element field : formData.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formField")) {
            linesById.computeIfAbsent(field.attribute("id"), id -> new ArrayList<>()).add(field.getLine());
        }
        linesById.forEach((id, lines) -> {
            if (id != null && lines.size() > 1) {
                throw new BpmnParseException("form field '" + id + "' is defined " + lines.size() + " times (lines "
                        + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + "): each field of a form needs an id of its own", formOwner);
            }
        });
    }
}
