package org.grantline.workflow;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A new deployment to an engine with the plug-in is refused for a form with two fields of one id, naming where; a
 * version deployed before keeps running. Each test deploys a process key of its own.
 */
class DistinctFormFieldIdsTest {

    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        engine = engine("checked", new DistinctFormFieldIds());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aTaskFormWithTwoFieldsOfOneIdIsNotDeployed() {
        Problem problem = refused(diagram("task-form", "", """
                <camunda:formField id="approved" type="boolean" />
                <camunda:formField id="note" type="string" />
                <camunda:formField id="approved" type="string" />"""));

        assertThat(problem.getMainElementId()).isEqualTo("Task_Review");
        assertThat(problem.getLine()).isEqualTo(8);
        assertThat(problem.getMessage()).isEqualTo("form field 'approved' is defined 2 times (lines 11, 13): "
                + "each field of a form needs an id of its own");
        assertThat(definitions("task-form")).isZero();
    }

    @Test
    void everyRepeatedIdOfAFormIsInTheOneProblem() {
        Problem problem = refused(diagram("two-repeated", "", """
                <camunda:formField id="approved" type="boolean" />
                <camunda:formField id="note" type="string" />
                <camunda:formField id="note" type="string" />
                <camunda:formField id="approved" type="boolean" />"""));

        assertThat(problem.getMessage()).isEqualTo("form field 'approved' is defined 2 times (lines 11, 14); "
                + "form field 'note' is defined 2 times (lines 12, 13): each field of a form needs an id of its own");
    }

    @Test
    void aStartFormWithTwoFieldsOfOneIdIsNotDeployed() {
        Problem problem = refused(diagram("start-form", """
                <camunda:formField id="area" type="string" />
                <camunda:formField id="area" type="string" />
                <camunda:formField id="area" type="string" />""", ""));

        assertThat(problem.getMainElementId()).isEqualTo("Start");
        assertThat(problem.getLine()).isEqualTo(4);
        assertThat(problem.getMessage()).isEqualTo("form field 'area' is defined 3 times (lines 5, 6, 7): "
                + "each field of a form needs an id of its own");
        assertThat(definitions("start-form")).isZero();
    }

    @Test
    void formsWhoseFieldsHaveIdsOfTheirOwnAreDeployed() {
        engine.getRepositoryService().createDeployment().addString("distinct.bpmn", diagram("distinct", """
                <camunda:formField id="area" type="string" />""", """
                <camunda:formField id="approved" type="boolean" />
                <camunda:formField id="note" type="string" />""")).deploy();

        assertThat(definitions("distinct")).isEqualTo(1);
    }

    @Test
    void aVersionDeployedBeforeTheCheckKeepsRunningWhenReadBackFromTheDatabase() {
        ProcessEngine unchecked = engine("unchecked");
        try {
            unchecked.getRepositoryService().createDeployment().addString("legacy.bpmn", diagram("legacy", "", """
                    <camunda:formField id="approved" type="boolean" />
                    <camunda:formField id="approved" type="boolean" />""")).deploy();
        } finally {
            unchecked.close();
        }
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
                .discardProcessDefinitionCache();

        engine.getRuntimeService().startProcessInstanceByKey("legacy");

        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("legacy").count()).isEqualTo(1);
    }

    @Test
    void aVersionDeployedBeforeTheCheckDoesNotBlockTheFolderWhenAnotherDiagramChanges() {
        String legacy = diagram("legacy-folder", "", """
                <camunda:formField id="approved" type="boolean" />
                <camunda:formField id="approved" type="boolean" />""");
        String kept = diagram("kept", "", """
                <camunda:formField id="approved" type="boolean" />""");
        ProcessEngine unchecked = engine("unchecked-folder");
        try {
            folderDeployer(unchecked).deploy(Map.of("legacy-folder.bpmn", legacy, "kept.bpmn", kept));
        } finally {
            unchecked.close();
        }

        List<ProcessDeployer.DeployedProcess> deployed = folderDeployer(engine).deploy(Map.of(
                "legacy-folder.bpmn", legacy, "kept.bpmn", kept.replace("type=\"boolean\"", "type=\"string\"")));

        // only the changed diagram is in the new deployment, so only it is checked
        assertThat(deployed).extracting(ProcessDeployer.DeployedProcess::key, ProcessDeployer.DeployedProcess::version,
                        ProcessDeployer.DeployedProcess::isNew)
                .containsExactlyInAnyOrder(tuple("legacy-folder", 1, false), tuple("kept", 2, true));
        String newDeployment = engine.getRepositoryService().getProcessDefinition(deployed.stream()
                .filter(ProcessDeployer.DeployedProcess::isNew).findFirst().orElseThrow().id()).getDeploymentId();
        assertThat(engine.getRepositoryService().getDeploymentResourceNames(newDeployment)).containsExactly("kept.bpmn");
    }

    /** The bpmn folder's deployer; deploying uses only the repository. */
    private static ProcessDeployer folderDeployer(ProcessEngine on) {
        return new ProcessDeployer(on.getRepositoryService(), null, null, null, null, Path.of("bpmn"));
    }

    /** An engine on the tests' database (shared by every engine here, as by the nodes of a cluster). */
    private static ProcessEngine engine(String name, ProcessEnginePlugin... plugins) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:distinct-form-field-ids;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setProcessEnginePlugins(List.of(plugins));
        return configuration.buildProcessEngine();
    }

    private static long definitions(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    private static Problem refused(String xml) {
        ParseException refused = catchThrowableOfType(ParseException.class,
                () -> engine.getRepositoryService().createDeployment().addString("forms.bpmn", xml).deploy());
        assertThat(refused).as("the deployment is refused").isNotNull();
        return refused.getResorceReports().get(0).getErrors().get(0);
    }

    /**
     * A start event (line 4) and a user task with the given form fields. The start event's fields begin on line 5;
     * with none (an empty line), the task is on line 8 and its fields begin on line 11.
     */
    private static String diagram(String key, String startFields, String taskFields) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start"><extensionElements><camunda:formData>
                %s
                    </camunda:formData></extensionElements></startEvent>
                    <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Review" />
                    <userTask id="Task_Review">
                      <extensionElements>
                        <camunda:formData>
                %s
                        </camunda:formData>
                      </extensionElements>
                    </userTask>
                    <sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="End" />
                    <endEvent id="End" />
                  </process>
                </definitions>
                """.formatted(key, startFields, taskFields);
    }
}
