package org.grantline.bench;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import java.nio.file.Path;

/**
 * A diagram with grantline taken out: every service and business rule task calls the no-op delegate
 * {@code ${noOp}} and every execution and task listener the no-op listener {@code ${noOpListener}}.
 * Timers, gateways, forms and messages stay as they are.
 */
final class NoOpBpmn {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /**
     * Without a {@code decision} (null) every business rule task calls the no-op delegate too. With one, each
     * evaluates that DMN decision instead (its result kept only in Camunda's decision history), and an end listener,
     * {@code ${ruleOutcome}}, sets what the no-op delegate sets.
     */
    static BpmnModelInstance read(Path diagram, String decision) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            delegate(task, "${noOp}");
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            delegate(listener, "${noOpListener}");
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            delegate(listener, "${noOpListener}");
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (decision == null) {
                delegate(task, "${noOp}");
            } else {
                task.getDomElement().removeAttribute(CAMUNDA, "expression");
                task.builder().camundaDecisionRef(decision)
                        .camundaExecutionListenerDelegateExpression("end", "${ruleOutcome}");
            }
        }
        Bpmn.validateModel(model);
        return model;
    }

    private static void delegate(ModelElementInstance element, String delegateExpression) {
        element.getDomElement().removeAttribute(CAMUNDA, "expression");
        element.getDomElement().removeAttribute(CAMUNDA, "class");
        element.setAttributeValueNs(CAMUNDA, "delegateExpression", delegateExpression);
    }

    private NoOpBpmn() {
    }
}
