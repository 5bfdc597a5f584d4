package org.grantline.tasks;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task completion holds its application's row, as submissions and withdrawals do; other tasks hold nothing. */
class TaskApplicationLockIT extends GrantlineIT {

    @Autowired
    TaskApplicationLock lock;
    @Autowired
    Lifecycle drive;
    @Autowired
    TaskService tasks;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anApplicationsTaskHoldsTheApplicationsRowUntilTheTransactionEnds() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("task-lock"));
        String task = drive.task(id, "Task_ReviewApplication").getId();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(lock.lockFor(task)).isTrue();
            assertThatThrownBy(() -> touchFromAnotherConnection(id)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Timeout");
        });

        touchFromAnotherConnection(id);
    }

    @Test
    void aTaskOfNoApplicationOrNoTaskHoldsNothing() {
        Task loose = tasks.newTask();
        loose.setName("made in Tasklist");
        tasks.saveTask(loose);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                assertThat(lock.lockFor(loose.getId())).isFalse();
                assertThat(lock.lockFor("no-such-task")).isFalse();
            });
        } finally {
            tasks.deleteTask(loose.getId(), true);
        }
    }

    /** An update of the application's row on a connection of its own that waits at most 200 ms for its lock. */
    private void touchFromAnotherConnection(String applicationId) throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            String pooledTimeout;
            try (Statement timeout = other.createStatement();
                 ResultSet setting = timeout.executeQuery(
                         "select lock_timeout()")) {
                assertThat(setting.next()).isTrue();
                pooledTimeout = setting.getString(1);
                timeout.execute("set lock_timeout 200");
            }
            try (PreparedStatement touch = other.prepareStatement("update application set stage = stage where id = ?")) {
                touch.setString(1, applicationId);
                assertThat(touch.executeUpdate()).isEqualTo(1);
            } finally {
                other.rollback();
                try (Statement reset = other.createStatement()) {
                    reset.execute("set lock_timeout " + Integer.parseInt(pooledTimeout));
                }
            }
        }
    }
}
