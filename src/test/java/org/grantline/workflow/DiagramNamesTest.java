package org.grantline.workflow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a diagram gives its variables, wherever they are: form fields, conditions, timers. */
class DiagramNamesTest {

    @Test
    void wholeWordsOfTheDiagramAreItsNames() {
        Set<String> words = DiagramNames.words("""
                <camunda:formField id="eligibilitySummary" label="Summary" type="string"/>
                <bpmn:conditionExpression>${gettingReadyOutcome == 'AWARDED'}</bpmn:conditionExpression>
                <bpmn:timeDate>${dates.endOf(finalPlanDeadline)}</bpmn:timeDate>""");

        assertThat(words).contains("eligibilitySummary", "gettingReadyOutcome", "finalPlanDeadline", "Summary");
        assertThat(words).doesNotContain("eligibility", "gettingReady", "Outcome", "finalPlan");
    }

    @Test
    void op2014NamesWhatItsGatewaysTimersAndFormsReadAndNotTheRest() throws IOException {
        Set<String> words = DiagramNames.words(Files.readString(Path.of("bpmn/OP-2014.bpmn")));

        assertThat(words).contains("eligibilityOutcome", "eligibilitySummary", "priorityScore", "gettingGoingDeadline",
                "reviewEscalationAfter", "matchFundingCheckDate", "caseMoney");
        assertThat(words).doesNotContain("adviceDays", "signedOffOn", "outturnVariance", "gettingReadySummary",
                "justificationRequired");
    }
}
