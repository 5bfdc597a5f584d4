package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The names a diagram gives its variables, wherever they are (form fields, conditions, timers), and the parts of a
 * diagram that read variables without naming them, which make it name everything.
 */
class DiagramNamesTest {

    @Test
    void wholeWordsOfTheDiagramAreItsNames() {
        Set<String> words = DiagramNames.wordCounts("""
                <camunda:formField id="eligibilitySummary" label="Summary" type="string"/>
                <bpmn:conditionExpression>${gettingReadyOutcome == 'AWARDED'}</bpmn:conditionExpression>
                <bpmn:timeDate>${dates.endOf(finalPlanDeadline)}</bpmn:timeDate>""").keySet();

        assertThat(words).contains("eligibilitySummary", "gettingReadyOutcome", "finalPlanDeadline", "Summary");
        assertThat(words).doesNotContain("eligibility", "gettingReady", "Outcome", "finalPlan");
    }

    @Test
    void op2014NamesWhatItsGatewaysTimersAndFormsReadAndNotTheRest() {
        Set<String> names = DiagramNames.names(Bpmn.readModelFromFile(Path.of("bpmn/OP-2014.bpmn").toFile()));

        assertThat(names).contains("eligibilityOutcome", "gettingGoingDeadline", "reviewEscalationAfter",
                "matchFundingCheckDate", "approved");
        assertThat(names).doesNotContain("adviceDays", "signedOffOn", "outturnVariance", "gettingReadySummary",
                "justificationRequired");
        assertThat(names).as("read-only form fields").doesNotContain("eligibilitySummary", "priorityScore", "caseMoney");
    }

    @Test
    void op2014NamesNoResultThatOnlyAReadOnlyFormFieldShows() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/OP-2014.bpmn").toFile());
        DiagramNames.Reads reads = DiagramNames.reads("OP-2014:1", model);

        assertThat(List.of("eligibilitySummary", "priorityScore", "gettingGoingSummary", "finalPlanSummary"))
                .as("read-only form fields, filled from the decision records as the form is read")
                .noneMatch(reads::names);
        assertThat(List.of("eligibilityOutcome", "gettingGoingDeadline", "cbaRequired", "reviewEscalationAfter",
                "approved")).as("named by gateways, timers and fields a caseworker fills in").allMatch(reads::names);
    }

    @Test
    void aReadOnlyFieldStillNamesAWordTheDiagramUsesElsewhere() {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <bpmn:process id="P" isExecutable="true">
                    <bpmn:userTask id="Task_A"><bpmn:extensionElements><camunda:formData>
                      <camunda:formField id="eligibilityOutcome" type="string">
                        <camunda:validation><camunda:constraint name="readonly"/></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="priorityScore" type="long">
                        <camunda:validation><camunda:constraint name="readonly"/></camunda:validation>
                      </camunda:formField>
                      <camunda:formField id="eligibilitySummary" type="string"/>
                    </camunda:formData></bpmn:extensionElements></bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Task_A" targetRef="End">
                      <bpmn:conditionExpression>${eligibilityOutcome == 'ELIGIBLE'}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>""".getBytes(StandardCharsets.UTF_8)));
        DiagramNames.Reads reads = DiagramNames.reads("P:1", model);

        assertThat(reads.names("eligibilityOutcome")).as("its condition reads it").isTrue();
        assertThat(reads.names("eligibilitySummary")).as("a field a caseworker may fill in").isTrue();
        assertThat(reads.names("priorityScore")).as("only its read-only field shows it").isFalse();
    }

    @Test
    void theRoundsDiagramsHaveNoPartThatReadsUnnamedVariables() {
        for (String round : new String[]{"OP-2014", "OP-2015", "FS-2015"}) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", round + ".bpmn").toFile());
            assertThat(DiagramNames.unseenReaders(model)).as(round).isEmpty();
            assertThat(DiagramNames.reads(round, model).names("adviceDays")).as(round).isFalse();
        }
    }

    /** Each of these reads variables by names the diagram need not contain, so every result is handed over. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "<bpmn:userTask id='Task_A' camunda:formKey='embedded:app:forms/a.html'/>|the form of Task_A",
            "<bpmn:userTask id='Task_A' camunda:formRef='a-form'/>|the form of Task_A",
            "<bpmn:serviceTask id='Task_A' camunda:type='external' camunda:topic='t'/>|external task Task_A",
            "<bpmn:serviceTask id='Task_A' camunda:class='org.example.Reader'/>|the class of Task_A",
            "<bpmn:businessRuleTask id='Task_A' camunda:decisionRef='d'/>|the DMN decision of Task_A",
            "<bpmn:scriptTask id='Task_A' scriptFormat='groovy' camunda:resource='a.groovy'/>|the script file of Task_A",
            "<bpmn:callActivity id='Call_A' calledElement='other'><bpmn:extensionElements><camunda:in variables='all'/></bpmn:extensionElements></bpmn:callActivity>|Call_A passing all variables",
            "<bpmn:callActivity id='Call_A' calledElement='other' camunda:variableMappingClass='org.example.M'/>|the variable mapping of Call_A",
            "<bpmn:userTask id='Task_A' camunda:formHandlerClass='org.example.F'/>|the form of Task_A",
            "<bpmn:startEvent id='Start' camunda:formKey='embedded:app:forms/start.html'/>|the form of Start",
            "<bpmn:sendTask id='Task_A' camunda:class='org.example.Sender'/>|the class of Task_A",
            "<bpmn:businessRuleTask id='Task_A' camunda:type='external' camunda:topic='t'/>|external task Task_A",
            "<bpmn:endEvent id='End_A'><bpmn:messageEventDefinition id='Message_1' camunda:class='org.example.Send'/></bpmn:endEvent>|the class of End_A",
            "<bpmn:intermediateThrowEvent id='Throw_A'><bpmn:messageEventDefinition camunda:type='external' camunda:topic='t'/></bpmn:intermediateThrowEvent>|the external message of Throw_A",
            "<bpmn:task id='A'/><bpmn:task id='B'/><bpmn:sequenceFlow id='Flow_1' sourceRef='A' targetRef='B'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='groovy' camunda:resource='c.groovy'/></bpmn:sequenceFlow>|a condition file in Flow_1",
            "<bpmn:userTask id='Task_A'><bpmn:extensionElements><camunda:taskListener event='create' class='org.example.L'/></bpmn:extensionElements></bpmn:userTask>|a listener class in Task_A",
            "<bpmn:task id='Task_A'><bpmn:extensionElements><camunda:executionListener event='start' class='org.example.L'/></bpmn:extensionElements></bpmn:task>|a listener class in Task_A",
            "<bpmn:userTask id='Task_A'><bpmn:extensionElements><camunda:taskListener event='create'><camunda:script scriptFormat='groovy' resource='l.groovy'/></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>|a script file in Task_A",
    })
    void aPartThatReadsUnnamedVariablesMakesTheDiagramNameEverything(String element, String reader) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
                  <bpmn:process id="P" isExecutable="true">%s</bpmn:process>
                </bpmn:definitions>""".formatted(element.replace('\'', '"')).getBytes(StandardCharsets.UTF_8)));

        assertThat(DiagramNames.unseenReaders(model)).containsExactly(reader);
        assertThat(DiagramNames.reads("P:1", model).names("adviceDays")).isTrue();
    }

    @Test
    void eachDefinitionIsReadOnceAndADiagramWithItsOwnFormGetsEveryResult() {
        BpmnModelInstance plain = Bpmn.createExecutableProcess("P").startEvent().userTask("Task_A")
                .camundaFormField().camundaId("priorityScore").camundaType("long").camundaFormFieldDone()
                .endEvent().done();
        BpmnModelInstance withForm = Bpmn.createExecutableProcess("Q").startEvent().userTask("Task_B")
                .camundaFormKey("embedded:app:forms/review.html").endEvent().done();
        DelegateExecution inPlain = execution("P:1", plain);
        DelegateExecution inWithForm = execution("Q:1", withForm);
        DiagramNames names = new DiagramNames();

        assertThat(names.names(inPlain, "priorityScore")).isTrue();
        assertThat(names.names(inPlain, "adviceDays")).isFalse();
        assertThat(names.names(inWithForm, "adviceDays")).isTrue();
        assertThat(names.names(inWithForm, "anythingElse")).isTrue();
        verify(inPlain, times(1)).getBpmnModelInstance();
        verify(inWithForm, times(1)).getBpmnModelInstance();
    }

    private static DelegateExecution execution(String definitionId, BpmnModelInstance model) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessDefinitionId()).thenReturn(definitionId);
        when(execution.getBpmnModelInstance()).thenReturn(model);
        return execution;
    }
}
