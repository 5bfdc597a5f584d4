package org.grantline.tasks;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A task completion holds its application's row, as submissions and withdrawals do; other tasks hold nothing.
 * Run on H2 ({@link TaskApplicationLockIT}) and PostgreSQL ({@link TaskApplicationLockOnPostgresIT}).
 */
interface TaskApplicationLocks {

    ApplicationContext context();

    /** Makes the connection give up waiting for a row lock after 200 ms. */
    void waitAtMost200Milliseconds(Connection connection) throws SQLException;

    /** Whether the failure is this database's lock timeout. */
    boolean isLockTimeout(SQLException failure);

    @Test
    default void anApplicationsTaskHoldsTheApplicationsRowUntilTheTransactionEnds() throws Exception {
        Lifecycle drive = context().getBean(Lifecycle.class);
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("task-lock"));
        String task = drive.task(id, "Task_ReviewApplication").getId();

        transaction().executeWithoutResult(status -> {
            assertThat(context().getBean(TaskApplicationLock.class).lockFor(task)).isTrue();
            assertThatThrownBy(() -> touchFromAnotherConnection(id)).isInstanceOfSatisfying(SQLException.class,
                    failure -> assertThat(isLockTimeout(failure)).as(failure.toString()).isTrue());
        });

        touchFromAnotherConnection(id);
    }

    @Test
    default void aTaskOfNoApplicationOrNoTaskHoldsNothing() {
        TaskService tasks = context().getBean(TaskService.class);
        Task loose = tasks.newTask();
        loose.setName("made in Tasklist");
        tasks.saveTask(loose);
        try {
            transaction().executeWithoutResult(status -> {
                TaskApplicationLock lock = context().getBean(TaskApplicationLock.class);
                assertThat(lock.lockFor(loose.getId())).isFalse();
                assertThat(lock.lockFor("no-such-task")).isFalse();
            });
        } finally {
            tasks.deleteTask(loose.getId(), true);
        }
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(context().getBean(PlatformTransactionManager.class));
    }

    /** An update of the application's row on a connection of its own (not the pool's, so no setting lingers). */
    private void touchFromAnotherConnection(String applicationId) throws SQLException {
        HikariDataSource pool = context().getBean(DataSource.class).unwrap(HikariDataSource.class);
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            other.setAutoCommit(false);
            waitAtMost200Milliseconds(other);
            try (PreparedStatement touch = other.prepareStatement("update application set stage = stage where id = ?")) {
                touch.setString(1, applicationId);
                assertThat(touch.executeUpdate()).isEqualTo(1);
            } finally {
                other.rollback();
            }
        }
    }
}
