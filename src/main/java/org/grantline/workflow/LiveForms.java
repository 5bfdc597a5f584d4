package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;
import org.camunda.bpm.engine.impl.form.handler.DelegateTaskFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a user task form's read-only fields (and the case brief's) from {@link LiveFormFields} as the form is read: Tasklist, Camunda
 * REST's form variables and grantline's open tasks all read forms through the task's form handler, which this
 * wraps for every user task with {@code camunda:formData}, filling its live fields ({@link LiveFormFields#isLive}),
 * if any. The wrapper also keeps the fields as the diagram defines them, which a task
 * completion's check reads without making the form. Submitting a form is left as it is: read-only fields are not
 * submitted, so nothing is written.
 */
@Component
class LiveForms extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(LiveForms.class);

    private final ObjectProvider<LiveFormFields> fields;
    /** Fields whose type could not show their value, already logged. */
    private final Set<String> unshowable = ConcurrentHashMap.newKeySet();

    LiveForms(ObjectProvider<LiveFormFields> fields) {
        this.fields = fields;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                List<FormFieldDefinition> fields = formFields(element);
                if (!fields.isEmpty()) {
                    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                            .getTaskDefinition();
                    TaskFormHandler handler = definition.getTaskFormHandler();
                    definition.setTaskFormHandler(new LiveForm(handler, byCamunda(handler) ? fields : null,
                            fields.stream().anyMatch(FormFieldDefinition::isLive)));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The user task's {@code camunda:formField}s as its diagram defines them. */
    private static List<FormFieldDefinition> formFields(Element userTask) {
        return formFieldElements(userTask).stream()
                .map(field -> new FormFieldDefinition(field.attribute("id"), field.attribute("type"),
                        hasConstraint(field, "required"), hasConstraint(field, "readonly")))
                .toList();
    }

    /** The {@code camunda:formField} elements of a user task's or start event's {@code camunda:formData}. */
    static List<Element> formFieldElements(Element formOwner) {
        Element extensions = formOwner.element("extensionElements");
        Element formData = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData");
        return formData == null ? List.of() : formData.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formField");
    }

    private static boolean hasConstraint(Element field, String name) {
        Element validation = field.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "validation");
        return validation != null && validation.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "constraint").stream()
                .anyMatch(constraint -> name.equals(constraint.attribute("name")));
    }

    /** Camunda's own form handler, which makes the form from {@code camunda:formData} alone (no handler class). */
    private static boolean byCamunda(TaskFormHandler handler) {
        return handler instanceof DelegateTaskFormHandler delegate
                && delegate.getFormHandler().getClass() == DefaultTaskFormHandler.class;
    }

    /**
     * The form fields as the task's diagram defines them, read when the diagram was deployed; null where the form
     * is not Camunda's own from {@code camunda:formData} (then only its handler knows them).
     */
    static List<FormFieldDefinition> definedFields(TaskFormHandler handler) {
        return handler instanceof LiveForm form ? form.defined : null;
    }

    /** The handler a {@link LiveForm} wraps (the task's form as its diagram defines it), or the handler itself. */
    static TaskFormHandler unwrapped(TaskFormHandler handler) {
        return handler instanceof LiveForm live ? live.form : handler;
    }

    /** A user task's form from its diagram: its fields as defined, and its live fields as they are now. */
    private final class LiveForm implements TaskFormHandler {

        private final TaskFormHandler form;
        private final List<FormFieldDefinition> defined;
        private final boolean hasLiveFields;

        LiveForm(TaskFormHandler form, List<FormFieldDefinition> defined, boolean hasLiveFields) {
            this.form = form;
            this.defined = defined;
            this.hasLiveFields = hasLiveFields;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData data = form.createTaskForm(task);
            if (!hasLiveFields) {
                return data;
            }
            List<String> liveFields = data.getFormFields().stream()
                    .filter(field -> FormFieldDefinition.of(field).isLive()).map(FormField::getId).toList();
            Map<String, Object> values = fields.getObject().of(task, liveFields);
            for (FormField field : data.getFormFields()) {
                TypedValue value = field instanceof FormFieldImpl live && values.get(field.getId()) != null
                        ? formValue(task, live, values.get(field.getId())) : null;
                if (value != null) {
                    ((FormFieldImpl) field).setValue(value);
                }
            }
            return data;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            form.submitFormVariables(properties, variableScope);
        }
    }

    /**
     * The value as the field's type shows it (a long field a long), as the form handler converts a variable; null if
     * the field's type cannot show it (the field then keeps what the handler gave it), logged once per field of a
     * task definition.
     */
    private TypedValue formValue(TaskEntity task, FormFieldImpl field, Object value) {
        TypedValue untyped = Variables.untypedValue(value);
        if (!(field.getType() instanceof AbstractFormFieldType type)) {
            return untyped;
        }
        try {
            return type.convertToFormValue(untyped);
        } catch (RuntimeException e) {
            if (unshowable.add(task.getProcessDefinitionId() + " " + task.getTaskDefinitionKey() + " " + field.getId())) {
                log.warn("Form field {} ({}) of task {} in {} cannot show {}: {} (give it a type that can: string for "
                                + "text, dates and decimals, long for whole numbers)", field.getId(), field.getTypeName(),
                        task.getTaskDefinitionKey(), task.getProcessDefinitionId(), value, e.toString());
            }
            return null;
        }
    }
}
