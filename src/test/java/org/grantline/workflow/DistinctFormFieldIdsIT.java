package org.grantline.workflow;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The application's engine runs the check: a deployment through it (as over Camunda's REST API) is refused. */
class DistinctFormFieldIdsIT extends GrantlineIT {

    @Autowired
    RepositoryService repository;

    @Test
    void theApplicationsEngineRefusesAFormWithTwoFieldsOfOneId() throws Exception {
        String diagram = Files.readString(Path.of("bpmn/OP-2014.bpmn")).replace(
                "<camunda:formField id=\"reviewNote\" label=\"Note\" type=\"string\" />",
                "<camunda:formField id=\"reviewNote\" label=\"Note\" type=\"string\" />"
                        + "<camunda:formField id=\"reviewNote\" label=\"Note again\" type=\"string\" />");
        long deployments = repository.createDeploymentQuery().count();
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("OP-2014").count();

        ParseException refused = catchThrowableOfType(ParseException.class,
                () -> repository.createDeployment().name("duplicate fields").addString("OP-2014.bpmn", diagram)
                        .deploy());

        assertThat(refused).as("the deployment is refused").isNotNull();
        assertThat(refused.getResorceReports().get(0).getErrors()).singleElement().satisfies(problem -> {
            assertThat(problem.getMainElementId()).isEqualTo("Task_ReviewApplication");
            assertThat(problem.getMessage()).startsWith("form field 'reviewNote' is defined 2 times");
        });
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("OP-2014").count())
                .isEqualTo(versions);
    }
}
