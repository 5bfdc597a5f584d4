package org.grantline.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds the row of the application whose process an open task belongs to, until the transaction ends, as
 * submissions and withdrawals hold it ({@code ApplicationRepository.lockForChange}): so that a completion and any
 * other change grantline's API makes to the same application's process go one after the other, and the second
 * meets the process as the first left it (a task completed twice at once: the second finds it completed, and no
 * engine error is logged). Taken in the same order as theirs, the application before the award lock.
 */
@Component
class TaskApplicationLock {

    private final JdbcClient jdbc;
    private final String lockSql;

    TaskApplicationLock(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        // One statement: the task's application found and its row locked. A task of no application (made in
        // Tasklist, or of a process grantline did not start) locks nothing.
        this.lockSql = "select a.id from application a where a.id = (select E.BUSINESS_KEY_ from "
                + management.getTableName(Task.class) + " T join " + management.getTableName(Execution.class)
                + " E on E.ID_ = T.PROC_INST_ID_ where T.ID_ = ?) for update";
    }

    /** True if the task is an application's open task and that application's row is now held. */
    boolean lockFor(String taskId) {
        return jdbc.sql(lockSql).param(taskId).query(String.class).optional().isPresent();
    }
}
