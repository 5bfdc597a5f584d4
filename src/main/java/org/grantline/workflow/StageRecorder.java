package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.grantline.intake.ApplicationRepository;
import org.springframework.stereotype.Component;

/** {@code ${stage.enter(execution, 'GETTING_READY')}}: the diagram says which stage an application is in. */
@Component("stage")
public class StageRecorder {

    private final ApplicationRepository applications;

    StageRecorder(ApplicationRepository applications) {
        this.applications = applications;
    }

    public void enter(DelegateExecution execution, String stage) {
        applications.setStage(execution.getProcessBusinessKey(), stage, execution.getProcessInstanceId());
    }
}
