package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The running engine's commands use grantline's entity manager, and a submission is stored through it (fix 24). */
class EntityIdCheckIT extends GrantlineIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Lifecycle drive;

    @Test
    void theEnginesCommandsUseGrantlinesEntityManager() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DbEntityManager manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
        assertThat(manager).isInstanceOf(EntityIdCheck.Manager.class);

        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("entity-id-check"));
        assertThat(drive.instance(id)).as("the process started, its rows inserted").isNotNull();
        assertThat(drive.task(id, "Task_ReviewApplication").getId()).isNotBlank();
    }
}
