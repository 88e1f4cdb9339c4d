package io.perdura.history.persistence;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ShardStore} over JDBC. */
public final class JdbcShardStore implements ShardStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcShardStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public long acquire(int shardId, String owner) {
        Long rangeId = tx.execute(status -> {
            long now = System.currentTimeMillis();
            jdbc.update(
                    "INSERT IGNORE INTO shards (shard_id, range_id, owner, updated_time) VALUES (?, 0, ?, ?)",
                    shardId,
                    owner,
                    now);
            jdbc.update(
                    "UPDATE shards SET range_id = range_id + 1, owner = ?, updated_time = ? WHERE shard_id = ?",
                    owner,
                    now,
                    shardId);
            return jdbc.queryForObject("SELECT range_id FROM shards WHERE shard_id = ?", Long.class, shardId);
        });
        return rangeId;
    }

    @Override
    public long rangeId(int shardId) {
        return jdbc.query("SELECT range_id FROM shards WHERE shard_id = ?", (rs, i) -> rs.getLong(1), shardId).stream()
                .findFirst()
                .orElse(-1L);
    }
}
