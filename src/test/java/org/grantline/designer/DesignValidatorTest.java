package org.grantline.designer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.grantline.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One report for rules, parameters, diagrams and scenarios, naming file, line or element for each problem. */
class DesignValidatorTest {

    static ProcessEngine engine;
    static DesignValidator validator;

    @BeforeAll
    static void parser() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:design-validator-test;DB_CLOSE_DELAY=-1").buildProcessEngine();
        validator = new DesignValidator(new EngineBpmnParser((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theShippedRulesAndDiagramsAreValid() {
        ValidationReport report = validator.validate(Path.of("rules"), Path.of("bpmn"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.scenariosRun()).isGreaterThan(100);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void everyKindOfProblemIsReportedWithWhereItIs(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path bpmn = TestFiles.copyTree(Path.of("bpmn"), dir.resolve("bpmn"));
        replace(rules.resolve("OP-2014/eligibility.drl"), "rule \"E3 Neighbourhood not in England\"\nwhen",
                "rule \"E3 Neighbourhood not in England\"\nwhen when");
        replace(rules.resolve("OP-2014/parameters/getting-ready.yaml"), "2014-01-01: 3000", "2014-01-01: lots");
        replace(bpmn.resolve("OP-2014.bpmn"),
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${dates.endOf(gettingGoingDeadline)}</bpmn:timeDate>", "");

        ValidationReport report = validator.validate(rules, bpmn);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.area()).isEqualTo("RULES");
            assertThat(p.where()).matches("OP-2014/eligibility\\.drl:\\d+:\\d+");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.area()).isEqualTo("PARAMETERS");
            assertThat(p.where()).isEqualTo("OP-2014/parameters/getting-ready.yaml");
            assertThat(p.message()).contains("getting_ready.grant").contains("lots");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.area()).isEqualTo("BPMN");
            assertThat(p.message()).startsWith("Timer_GettingGoingDeadline");
        });
    }

    @Test
    void aFailingScenarioAndAMissingProcessAreReported(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path bpmn = Files.createDirectories(dir.resolve("bpmn"));
        replace(rules.resolve("OP-2014/parameters/getting-ready.yaml"), "2014-01-01: 3000", "2014-01-01: 3500");

        ValidationReport report = validator.validate(rules, bpmn);
        assertThat(report.scenariosFailed()).isGreaterThan(0);
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.area()).isEqualTo("SCENARIO");
            assertThat(p.where()).startsWith("OP-2014/scenarios/getting-ready.yaml");
            assertThat(p.message()).contains("3500");
        });
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.toString())
                .isEqualTo("ROUND OP-2014/round.yaml: process 'OP-2014' is not defined by any diagram in "
                        + bpmn.getFileName() + "/"));
    }

    @Test
    void aFormWithTwoFieldsOfOneIdIsReportedWithTheTaskAndTheirLines(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path bpmn = TestFiles.copyTree(Path.of("bpmn"), dir.resolve("bpmn"));
        Path diagram = bpmn.resolve("OP-2014.bpmn");
        String note = "<camunda:formField id=\"reviewNote\" label=\"Note\" type=\"string\" />";
        replace(diagram, note, note + "\n            "
                + "<camunda:formField id=\"approved\" label=\"Offer a place (again)?\" type=\"boolean\" />");
        int first = lineOf(diagram, "<camunda:formField id=\"approved\" label=\"Offer a place?\"");
        int second = lineOf(diagram, "<camunda:formField id=\"approved\" label=\"Offer a place (again)?\"");
        int task = lineOf(diagram, "<bpmn:userTask id=\"Task_ReviewApplication\"");

        ValidationReport report = validator.validate(rules, bpmn);

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.area()).isEqualTo("BPMN");
            assertThat(p.where()).isEqualTo("OP-2014.bpmn");
            assertThat(p.message()).startsWith("Task_ReviewApplication (line " + task + "): ")
                    .endsWith("form field 'approved' is defined 2 times (lines " + first + ", " + second
                            + "): each field of a form needs an id of its own");
        });
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }
}
