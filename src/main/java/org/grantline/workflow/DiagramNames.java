package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a process definition's diagram contains: form field ids (but those of read-only task form fields, which
 * {@link LiveForms} fills), names in expressions, conditions and timers.
 * Read once per definition (a deployed definition never changes) from the engine's cached model. A diagram with a
 * part that reads variables by names it need not contain (a form of its own, a call activity passing all
 * variables or mapping them in Java, an external task, a script file, a DMN decision, a Java class) names
 * everything. A {@code camunda:delegateExpression} is not such a part: it can only name a grantline bean, and
 * {@link RuleTask} hands over what those beans read.
 */
@Component
class DiagramNames {

    private static final Logger log = LoggerFactory.getLogger(DiagramNames.class);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Reads> byDefinition = new ConcurrentHashMap<>();

    /** What a diagram reads: its words, unless some part of it reads what it does not name. */
    record Reads(Set<String> words, List<String> unseenReaders) {
        boolean names(String name) {
            return !unseenReaders.isEmpty() || words.contains(name);
        }
    }

    /** Whether the diagram the execution runs names this variable anywhere (or may read it unnamed). */
    boolean names(DelegateExecution execution, String name) {
        return byDefinition.computeIfAbsent(execution.getProcessDefinitionId(),
                id -> reads(id, execution.getBpmnModelInstance())).names(name);
    }

    static Reads reads(String definitionId, BpmnModelInstance model) {
        List<String> unseen = unseenReaders(model);
        if (unseen.isEmpty()) {
            return new Reads(names(model), unseen);
        }
        log.info("Process definition {} reads variables by names its diagram need not contain ({}): every "
                + "decision result is handed to it as a process variable", definitionId, String.join("; ", unseen));
        return new Reads(Set.of(), unseen);
    }

    /**
     * The diagram's words, less the id of each read-only field of a task form where that is the only place the word
     * occurs: {@link LiveForms} fills such a field from the decision records as the form is read, so a result only
     * a form shows need not be a variable (docs/benchmarks.md, fix 39).
     */
    static Set<String> names(BpmnModelInstance model) {
        Map<String, Integer> counts = new HashMap<>(wordCounts(Bpmn.convertToString(model)));
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getExtensionElements() == null) {
                continue;
            }
            for (CamundaFormData form : task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaFormData.class).list()) {
                form.getCamundaFormFields().stream().filter(LiveFormFields::isReadOnly)
                        .forEach(field -> counts.computeIfPresent(field.getCamundaId(), (word, n) -> n - 1));
            }
        }
        counts.values().removeIf(n -> n <= 0);
        return Set.copyOf(counts.keySet());
    }

    /** Each whole word of the text (an identifier, as expressions and ids are), with how often it occurs. */
    static Map<String, Integer> wordCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            counts.merge(word.group(), 1, Integer::sum);
        }
        return counts;
    }

    /** The parts of a diagram that read process variables without the diagram naming them. */
    static List<String> unseenReaders(BpmnModelInstance model) {
        List<String> readers = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormKey() != null || task.getCamundaFormRef() != null
                    || task.getCamundaFormHandlerClass() != null) {
                readers.add("the form of " + task.getId());
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormKey() != null || start.getCamundaFormRef() != null
                    || start.getCamundaFormHandlerClass() != null) {
                readers.add("the form of " + start.getId());
            }
        }
        for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
            if ("all".equals(in.getCamundaVariables())) {
                readers.add(owner(in) + " passing all variables");
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (call.getCamundaVariableMappingClass() != null
                    || call.getCamundaVariableMappingDelegateExpression() != null) {
                readers.add("the variable mapping of " + call.getId());
            }
        }
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            if ("external".equals(message.getCamundaType())) {
                readers.add("the external message of " + owner(message.getParentElement()));
            }
            if (message.getCamundaClass() != null) {
                readers.add("the class of " + owner(message.getParentElement()));
            }
        }
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            if (condition.getCamundaResource() != null) {
                readers.add("a condition file in " + owner(condition.getParentElement()));
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            addDelegate(readers, task, task.getCamundaType(), task.getCamundaClass());
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            addDelegate(readers, task, task.getCamundaType(), task.getCamundaClass());
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            addDelegate(readers, task, task.getCamundaType(), task.getCamundaClass());
            if (task.getCamundaDecisionRef() != null) {
                readers.add("the DMN decision of " + task.getId());
            }
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            if (task.getCamundaResource() != null) {
                readers.add("the script file of " + task.getId());
            }
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            if (script.getCamundaResource() != null) {
                readers.add("a script file in " + owner(script));
            }
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            if (listener.getCamundaClass() != null) {
                readers.add("a listener class in " + owner(listener));
            }
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            if (listener.getCamundaClass() != null) {
                readers.add("a listener class in " + owner(listener));
            }
        }
        return List.copyOf(readers);
    }

    private static void addDelegate(List<String> readers, BaseElement task, String type, String javaClass) {
        if ("external".equals(type)) {
            readers.add("external task " + task.getId());
        }
        if (javaClass != null) {
            readers.add("the class of " + task.getId());
        }
    }

    /** The id of the nearest element that has one (an extension element has none of its own). */
    private static String owner(ModelElementInstance element) {
        for (ModelElementInstance at = element; at != null; at = at.getParentElement()) {
            if (at instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return "the diagram";
    }
}
