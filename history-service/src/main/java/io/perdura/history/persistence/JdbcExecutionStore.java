package io.perdura.history.persistence;

import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ExecutionStore} over JDBC; SQL that runs on MySQL/MariaDB and on H2 in MySQL mode. */
public final class JdbcExecutionStore implements ExecutionStore {

    private static final String EXECUTION_COLUMNS = "namespace, workflow_id, run_id, shard_id, status, workflow_type,"
            + " task_queue, start_time, close_time, next_event_id, db_version, state";

    private static final RowMapper<ExecutionRecord> EXECUTION_MAPPER = JdbcExecutionStore::mapExecution;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JdbcTaskRows taskRows;

    public JdbcExecutionStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.taskRows = new JdbcTaskRows(jdbc);
    }

    @Override
    public void commit(List<ExecutionChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            changes.stream()
                    .map(ExecutionChange::fence)
                    .distinct()
                    .sorted(Comparator.comparingInt(ShardFence::shardId))
                    .forEach(this::checkFence);
            try {
                for (ExecutionChange change : changes) {
                    switch (change) {
                        case ExecutionChange.Create create -> create(create);
                        case ExecutionChange.Update update -> update(update);
                    }
                }
                writeRows(changes);
            } catch (DuplicateKeyException e) {
                throw new ConditionFailedException("a run or event was already written: " + e.getMessage());
            }
        });
    }

    private void create(ExecutionChange.Create change) {
        ExecutionRecord execution = change.execution();
        WorkflowExecutionKey key = execution.key();
        if (change.previousRunId() == null) {
            jdbc.update(
                    "INSERT INTO current_executions (namespace, workflow_id, run_id, status, start_request_id)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    key.namespace(),
                    key.workflowId(),
                    key.runId(),
                    execution.status().name(),
                    change.startRequestId());
        } else {
            int updated = jdbc.update(
                    "UPDATE current_executions SET run_id = ?, status = ?, start_request_id = ?"
                            + " WHERE namespace = ? AND workflow_id = ? AND run_id = ?",
                    key.runId(),
                    execution.status().name(),
                    change.startRequestId(),
                    key.namespace(),
                    key.workflowId(),
                    change.previousRunId());
            if (updated != 1) {
                throw new ConditionFailedException("current run of " + key.routingKey() + " changed");
            }
        }
        if (change.startRequestId() != null) {
            jdbc.update(
                    "INSERT INTO start_requests (namespace, workflow_id, request_id, run_id) VALUES (?, ?, ?, ?)",
                    key.namespace(),
                    key.workflowId(),
                    change.startRequestId(),
                    key.runId());
        }
        jdbc.update(
                "INSERT INTO executions (" + EXECUTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.namespace(),
                key.workflowId(),
                key.runId(),
                execution.shardId(),
                execution.status().name(),
                execution.workflowType(),
                execution.taskQueue(),
                execution.startTime(),
                execution.closeTime(),
                execution.nextEventId(),
                execution.dbVersion(),
                execution.state());
    }

    private void update(ExecutionChange.Update change) {
        ExecutionRecord execution = change.execution();
        WorkflowExecutionKey key = execution.key();
        int updated = jdbc.update(
                "UPDATE executions SET status = ?, close_time = ?, next_event_id = ?, db_version = ?, state = ?"
                        + " WHERE namespace = ? AND workflow_id = ? AND run_id = ? AND db_version = ?",
                execution.status().name(),
                execution.closeTime(),
                execution.nextEventId(),
                execution.dbVersion(),
                execution.state(),
                key.namespace(),
                key.workflowId(),
                key.runId(),
                change.expectedDbVersion());
        if (updated != 1) {
            throw new ConditionFailedException("run " + key + " changed since version " + change.expectedDbVersion());
        }
        if (!execution.status().isOpen()) {
            jdbc.update(
                    "UPDATE current_executions SET status = ? WHERE namespace = ? AND workflow_id = ? AND run_id = ?",
                    execution.status().name(),
                    key.namespace(),
                    key.workflowId(),
                    key.runId());
        }
    }

    private void checkFence(ShardFence fence) {
        int hit = jdbc.update(
                "UPDATE shards SET range_id = range_id WHERE shard_id = ? AND range_id = ?",
                fence.shardId(),
                fence.rangeId());
        if (hit != 1) {
            throw new ShardOwnershipLostException(fence.shardId(), fence.rangeId());
        }
    }

    /** The events, timer and outbox rows of all changes, each kind in one batch. */
    private void writeRows(List<ExecutionChange> changes) {
        List<Object[]> eventRows = new ArrayList<>();
        List<TimerTask> timers = new ArrayList<>();
        List<TransferTask> transfers = new ArrayList<>();
        for (ExecutionChange change : changes) {
            String runId = change.execution().key().runId();
            for (HistoryEvent event : change.write().events()) {
                eventRows.add(new Object[] {
                    runId,
                    event.eventId(),
                    event.eventType().name(),
                    event.eventTime().toEpochMilli(),
                    Json.write(event)
                });
            }
            timers.addAll(change.write().timerTasks());
            transfers.addAll(change.write().transferTasks());
        }
        if (!eventRows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO history_events (run_id, event_id, event_type, event_time, data) VALUES (?, ?, ?, ?, ?)",
                    eventRows);
        }
        taskRows.insertTimerTasks(timers);
        taskRows.insertTransferTasks(transfers);
        for (ExecutionChange change : changes) {
            taskRows.deleteTimerTasks(
                    change.execution().shardId(), change.write().deletedTimerTaskIds());
        }
    }

    @Override
    public Optional<ExecutionRecord> getExecution(String namespace, String workflowId, String runId) {
        return jdbc
                .query(
                        "SELECT " + EXECUTION_COLUMNS
                                + " FROM executions WHERE namespace = ? AND workflow_id = ? AND run_id = ?",
                        EXECUTION_MAPPER,
                        namespace,
                        workflowId,
                        runId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<CurrentExecution> getCurrentExecution(String namespace, String workflowId) {
        return jdbc
                .query(
                        "SELECT run_id, status, start_request_id FROM current_executions"
                                + " WHERE namespace = ? AND workflow_id = ?",
                        (rs, i) -> new CurrentExecution(
                                rs.getString(1), WorkflowStatus.valueOf(rs.getString(2)), rs.getString(3)),
                        namespace,
                        workflowId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> findRunByStartRequest(String namespace, String workflowId, String requestId) {
        return jdbc
                .query(
                        "SELECT run_id FROM start_requests WHERE namespace = ? AND workflow_id = ? AND request_id = ?",
                        (rs, i) -> rs.getString(1),
                        namespace,
                        workflowId,
                        requestId)
                .stream()
                .findFirst();
    }

    @Override
    public List<HistoryEvent> readEvents(String runId, long fromEventId, int limit) {
        return jdbc.query(
                "SELECT data FROM history_events WHERE run_id = ? AND event_id >= ? ORDER BY event_id LIMIT ?",
                (rs, i) -> Json.read(rs.getString(1), HistoryEvent.class),
                runId,
                fromEventId,
                limit);
    }

    @Override
    public List<ExecutionRecord> listExecutions(
            String namespace, WorkflowStatus status, String workflowType, ListCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE namespace = ?");
        List<Object> args = new ArrayList<>();
        args.add(namespace);
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (workflowType != null) {
            sql.append(" AND workflow_type = ?");
            args.add(workflowType);
        }
        if (after != null) {
            sql.append(" AND (start_time < ? OR (start_time = ? AND run_id < ?))");
            args.add(after.startTime());
            args.add(after.startTime());
            args.add(after.runId());
        }
        sql.append(" ORDER BY start_time DESC, run_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), EXECUTION_MAPPER, args.toArray());
    }

    private static ExecutionRecord mapExecution(ResultSet rs, int rowNum) throws SQLException {
        long closeTime = rs.getLong("close_time");
        Long close = rs.wasNull() ? null : closeTime;
        return new ExecutionRecord(
                new WorkflowExecutionKey(
                        rs.getString("namespace"), rs.getString("workflow_id"), rs.getString("run_id")),
                rs.getInt("shard_id"),
                WorkflowStatus.valueOf(rs.getString("status")),
                rs.getString("workflow_type"),
                rs.getString("task_queue"),
                rs.getLong("start_time"),
                close,
                rs.getLong("next_event_id"),
                rs.getLong("db_version"),
                rs.getString("state"));
    }
}
