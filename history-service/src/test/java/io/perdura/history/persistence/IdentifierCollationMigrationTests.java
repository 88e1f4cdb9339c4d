package io.perdura.history.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V2 makes identifiers compare exactly (ADR 12) by altering the tables V1 created: rows written
 * before it read back unchanged after it, and then a look-alike id is another workflow.
 */
class IdentifierCollationMigrationTests {

    private static final String MARIADB_SUFFIX = "collation_upgrade";

    @Test
    void keepsWhatWasWrittenBeforeOnH2() {
        try (var dataSource = TestDatabases.h2()) {
            upgradeKeepsRows(dataSource);
        }
    }

    @Test
    void keepsWhatWasWrittenBeforeOnMariaDb() {
        try (var dataSource = TestDatabases.mariaDb(MARIADB_SUFFIX)) {
            upgradeKeepsRows(dataSource);
        } finally {
            TestDatabases.dropMariaDb(MARIADB_SUFFIX);
        }
    }

    private static void upgradeKeepsRows(DataSource dataSource) {
        HistoryFlyway.configuration(dataSource).target("1").load().migrate();
        var executions = new JdbcExecutionStore(dataSource);
        var tasks = new JdbcTaskStore(dataSource);
        var fence = new ShardFence(1, new JdbcShardStore(dataSource).acquire(1, "test"));
        var before = run("Order-1", "run-1");
        var outbox = new TransferTask(1, 1, before.key(), TransferTaskType.WORKFLOW_TASK, "Orders-café", 2, 1);
        executions.createExecution(
                fence, before, "req-1", null, new ExecutionWrite(List.of(), List.of(), List.of(outbox), List.of()));

        HistoryFlyway.migrate(dataSource);

        assertThat(new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT version FROM " + HistoryFlyway.TABLE
                                        + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank",
                                String.class))
                .containsExactly("1", "2");
        assertThat(executions.getExecution("default", "Order-1", "run-1")).hasValue(before);
        assertThat(executions.getCurrentExecution("default", "Order-1"))
                .hasValue(new CurrentExecution("run-1", WorkflowStatus.RUNNING, "req-1"));
        assertThat(executions.findRunByStartRequest("default", "Order-1", "req-1"))
                .hasValue("run-1");
        assertThat(tasks.loadTransferTasks(1, 0, 10)).containsExactly(outbox);
        assertThat(new JdbcNamespaceStore(dataSource).exists("default")).isTrue();

        var lookAlike = run("order-1", "run-2");
        executions.createExecution(
                fence, lookAlike, "req-1", null, new ExecutionWrite(List.of(), List.of(), List.of(), List.of()));

        assertThat(executions.getCurrentExecution("default", "order-1"))
                .hasValue(new CurrentExecution("run-2", WorkflowStatus.RUNNING, "req-1"));
        assertThat(executions.getCurrentExecution("default", "Order-1"))
                .hasValue(new CurrentExecution("run-1", WorkflowStatus.RUNNING, "req-1"));
    }

    private static ExecutionRecord run(String workflowId, String runId) {
        return new ExecutionRecord(
                new WorkflowExecutionKey("default", workflowId, runId),
                1,
                WorkflowStatus.RUNNING,
                "Order",
                "Orders-café",
                1000L,
                null,
                3,
                1,
                "{\"item\":\"straße\"}");
    }
}
