package io.perdura.history.persistence;

import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link TaskStore} over JDBC. */
public final class JdbcTaskStore implements TaskStore {

    private final JdbcTaskRows rows;

    public JdbcTaskStore(DataSource dataSource) {
        this.rows = new JdbcTaskRows(new JdbcTemplate(dataSource));
    }

    @Override
    public List<TimerTask> loadTimerTasks(Collection<Integer> shardIds, long fireTimeBefore, int limit) {
        return rows.loadTimerTasks(shardIds, fireTimeBefore, limit);
    }

    @Override
    public void deleteTimerTasks(int shardId, Collection<Long> taskIds) {
        rows.deleteTimerTasks(shardId, taskIds);
    }

    @Override
    public List<TransferTask> loadTransferTasks(int shardId, long afterTaskId, int limit) {
        return rows.loadTransferTasks(shardId, afterTaskId, limit);
    }

    @Override
    public void deleteTransferTasks(int shardId, Collection<Long> taskIds) {
        rows.deleteTransferTasks(shardId, taskIds);
    }
}
