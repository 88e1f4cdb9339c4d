package io.perdura.history.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link TaskStore} over JDBC. */
public final class JdbcTaskStore implements TaskStore {

    private final JdbcTaskRows rows;
    private final TransactionTemplate tx;

    public JdbcTaskStore(DataSource dataSource) {
        this.rows = new JdbcTaskRows(new JdbcTemplate(dataSource));
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
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
    public void deleteTransferTasks(Map<Integer, ? extends Collection<Long>> taskIdsByShard) {
        if (taskIdsByShard.values().stream().allMatch(Collection::isEmpty)) {
            return;
        }
        // one commit for every shard's rows: on the embedded store each commit writes a new chunk
        tx.executeWithoutResult(status -> taskIdsByShard.forEach(rows::deleteTransferTasks));
    }
}
