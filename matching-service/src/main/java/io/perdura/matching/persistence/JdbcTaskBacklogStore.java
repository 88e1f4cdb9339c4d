package io.perdura.matching.persistence;

import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link TaskBacklogStore} over JDBC, in SQL that runs on MySQL/MariaDB and on H2 in MySQL mode. */
public final class JdbcTaskBacklogStore implements TaskBacklogStore {

    private static final String INSERT = "INSERT INTO matching_tasks"
            + " (namespace, task_queue, kind, workflow_id, run_id, scheduled_event_id, attempt, created_time)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String READ = "SELECT id, workflow_id, run_id, scheduled_event_id, attempt"
            + " FROM matching_tasks WHERE namespace = ? AND task_queue = ? AND kind = ? AND id > ?"
            + " ORDER BY id LIMIT ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcTaskBacklogStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public JdbcTaskBacklogStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.clock = clock;
    }

    @Override
    public List<OptionalLong> insert(List<NewBacklogTask> tasks) {
        List<OptionalLong> ids = transactions.execute(status -> {
            List<OptionalLong> inserted = new ArrayList<>(tasks.size());
            Timestamp now = Timestamp.from(clock.instant());
            for (NewBacklogTask task : tasks) {
                inserted.add(insertOne(task, now));
            }
            return inserted;
        });
        return ids;
    }

    /** A duplicate fails only its own statement: the transaction goes on (MySQL/MariaDB and H2). */
    private OptionalLong insertOne(NewBacklogTask newTask, Timestamp now) {
        TaskQueueKey queue = newTask.queue();
        ScheduledTask task = newTask.task();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    connection -> {
                        PreparedStatement statement =
                                connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
                        statement.setString(1, queue.namespace());
                        statement.setString(2, queue.name());
                        statement.setString(3, queue.kind().name());
                        statement.setString(4, task.workflowId());
                        statement.setString(5, task.runId());
                        statement.setLong(6, task.scheduledEventId());
                        statement.setInt(7, task.attempt());
                        statement.setTimestamp(8, now);
                        return statement;
                    },
                    keys);
        } catch (DuplicateKeyException e) {
            return OptionalLong.empty();
        }
        Number id = keys.getKeyList().isEmpty()
                ? null
                : (Number) keys.getKeyList().getFirst().values().iterator().next();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for a new backlog task");
        }
        return OptionalLong.of(id.longValue());
    }

    @Override
    public List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit) {
        return jdbc.query(
                READ,
                (rs, row) -> new BacklogTask(
                        rs.getLong("id"),
                        new ScheduledTask(
                                rs.getString("workflow_id"),
                                rs.getString("run_id"),
                                rs.getLong("scheduled_event_id"),
                                rs.getInt("attempt"))),
                queue.namespace(),
                queue.name(),
                queue.kind().name(),
                afterId,
                limit);
    }

    @Override
    public void delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        jdbc.update("DELETE FROM matching_tasks WHERE id IN (" + placeholders + ")", ids.toArray());
    }

    @Override
    public List<TaskQueueKey> queuesWithBacklog() {
        return jdbc.query(
                "SELECT DISTINCT namespace, task_queue, kind FROM matching_tasks",
                (rs, row) -> new TaskQueueKey(
                        rs.getString("namespace"),
                        rs.getString("task_queue"),
                        TaskQueueKind.valueOf(rs.getString("kind"))));
    }
}
