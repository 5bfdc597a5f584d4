package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a process definition's diagram contains: form field ids, names in expressions, conditions and timers.
 * Read once per definition (a deployed definition never changes) from the engine's cached model.
 */
@Component
class DiagramNames {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

    /** Whether the diagram the execution runs names this variable anywhere. */
    boolean names(DelegateExecution execution, String name) {
        return byDefinition.computeIfAbsent(execution.getProcessDefinitionId(),
                id -> words(Bpmn.convertToString(execution.getBpmnModelInstance()))).contains(name);
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return Set.copyOf(words);
    }
}
