package io.perdura.history.persistence;

import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL of timer and outbox rows, shared by the stores that write them. */
final class JdbcTaskRows {

    private final JdbcTemplate jdbc;

    JdbcTaskRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertTimerTasks(List<TimerTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(tasks.size());
        for (TimerTask t : tasks) {
            rows.add(new Object[] {
                t.shardId(),
                t.taskId(),
                t.fireTime(),
                t.execution().namespace(),
                t.execution().workflowId(),
                t.execution().runId(),
                t.type().name(),
                Json.write(new TimerData(t.eventId(), t.attempt(), t.detail()))
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO timer_tasks (shard_id, task_id, fire_time, namespace, workflow_id, run_id, task_type, data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    void insertTransferTasks(List<TransferTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(tasks.size());
        for (TransferTask t : tasks) {
            rows.add(new Object[] {
                t.shardId(),
                t.taskId(),
                t.execution().namespace(),
                t.execution().workflowId(),
                t.execution().runId(),
                t.type().name(),
                Json.write(new TransferData(t.taskQueue(), t.scheduledEventId(), t.attempt(), t.target()))
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO transfer_tasks (shard_id, task_id, namespace, workflow_id, run_id, task_type, data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    List<TimerTask> loadTimerTasks(Collection<Integer> shardIds, long fireTimeBefore, int limit) {
        if (shardIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(shardIds);
        args.add(fireTimeBefore);
        args.add(limit);
        return jdbc.query(
                "SELECT shard_id, task_id, fire_time, namespace, workflow_id, run_id, task_type, data FROM timer_tasks"
                        + " WHERE shard_id IN (" + placeholders(shardIds.size()) + ") AND fire_time < ?"
                        + " ORDER BY fire_time LIMIT ?",
                (rs, i) -> {
                    TimerData data = Json.read(rs.getString(8), TimerData.class);
                    return new TimerTask(
                            rs.getInt(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            new WorkflowExecutionKey(rs.getString(4), rs.getString(5), rs.getString(6)),
                            TimerTaskType.valueOf(rs.getString(7)),
                            data.eventId(),
                            data.attempt(),
                            data.detail());
                },
                args.toArray());
    }

    List<TransferTask> loadTransferTasks(int shardId, long afterTaskId, int limit) {
        return jdbc.query(
                "SELECT shard_id, task_id, namespace, workflow_id, run_id, task_type, data FROM transfer_tasks"
                        + " WHERE shard_id = ? AND task_id > ? ORDER BY task_id LIMIT ?",
                (rs, i) -> {
                    TransferData data = Json.read(rs.getString(7), TransferData.class);
                    return new TransferTask(
                            rs.getInt(1),
                            rs.getLong(2),
                            new WorkflowExecutionKey(rs.getString(3), rs.getString(4), rs.getString(5)),
                            TransferTaskType.valueOf(rs.getString(6)),
                            data.taskQueue(),
                            data.scheduledEventId(),
                            data.attempt(),
                            data.target());
                },
                shardId,
                afterTaskId,
                limit);
    }

    void deleteTimerTasks(int shardId, Collection<Long> taskIds) {
        delete("timer_tasks", shardId, taskIds);
    }

    void deleteTransferTasks(int shardId, Collection<Long> taskIds) {
        delete("transfer_tasks", shardId, taskIds);
    }

    private void delete(String table, int shardId, Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(taskIds.size() + 1);
        args.add(shardId);
        args.addAll(taskIds);
        jdbc.update(
                "DELETE FROM " + table + " WHERE shard_id = ? AND task_id IN (" + placeholders(taskIds.size()) + ")",
                args.toArray());
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    record TimerData(long eventId, int attempt, String detail) {}

    /** A transfer row's {@code data}; {@code target} is absent from task rows (and from rows written before it existed). */
    record TransferData(String taskQueue, long scheduledEventId, int attempt, TransferTarget target) {}
}
