package io.perdura.history.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ShardStore} over JDBC. Shards are taken in ascending id order, so that two processes taking
 * overlapping sets at the same time cannot deadlock.
 */
public final class JdbcShardStore implements ShardStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcShardStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public long acquire(int shardId, String owner) {
        return acquire(List.of(shardId), owner).get(shardId);
    }

    @Override
    public Map<Integer, Long> acquire(Collection<Integer> shardIds, String owner) {
        List<Integer> sorted = shardIds.stream().distinct().sorted().toList();
        return tx.execute(status -> {
            long now = System.currentTimeMillis();
            Map<Integer, Long> rangeIds = new TreeMap<>();
            for (int shardId : sorted) {
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
                rangeIds.put(
                        shardId,
                        jdbc.queryForObject("SELECT range_id FROM shards WHERE shard_id = ?", Long.class, shardId));
            }
            return rangeIds;
        });
    }

    @Override
    public long rangeId(int shardId) {
        return jdbc.query("SELECT range_id FROM shards WHERE shard_id = ?", (rs, i) -> rs.getLong(1), shardId).stream()
                .findFirst()
                .orElse(-1L);
    }
}
