package org.grantline.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's history of an application carries its removal time from the moment each row is written: the
 * application's start plus its diagram's history time to live. So when the process ends, Camunda does not
 * rewrite every history row of the application to set it (docs/benchmarks.md, fix 12).
 */
class HistoryRemovalTimeIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @Test
    void historyRowsCarryTheStartPlusTheTimeToLiveWhileRunningAndAfterTheEnd() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("removal-time"));
        String instance = drive.row(id).processInstanceId();
        HistoricProcessInstance process = process(instance);
        Integer daysToLive = repository.getProcessDefinition(process.getProcessDefinitionId()).getHistoryTimeToLive();
        assertThat(daysToLive).as("the diagram's historyTimeToLive").isNotNull().isPositive();
        // Camunda adds calendar days in the JVM's zone
        Date removal = Date.from(process.getStartTime().toInstant().atZone(ZoneId.systemDefault())
                .plusDays(daysToLive).toInstant());

        assertThat(process.getRemovalTime()).as("set at the start, not at the end").isEqualTo(removal);
        assertThat(removalTimes(instance)).isNotEmpty().containsOnly(removal);

        Lifecycle.on("2014-03-01");
        drive.withdraw(id);

        assertThat(process(instance).getEndTime()).as("the withdrawal ends the process").isNotNull();
        assertThat(process(instance).getRemovalTime()).isEqualTo(removal);
        assertThat(removalTimes(instance)).containsOnly(removal);
    }

    private HistoricProcessInstance process(String instance) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    }

    private List<Date> removalTimes(String instance) {
        List<Date> times = new ArrayList<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
                .map(HistoricActivityInstance::getRemovalTime).forEach(times::add);
        history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
                .map(HistoricVariableInstance::getRemovalTime).forEach(times::add);
        history.createHistoricDetailQuery().processInstanceId(instance).list().stream()
                .map(HistoricDetail::getRemovalTime).forEach(times::add);
        return times;
    }
}
