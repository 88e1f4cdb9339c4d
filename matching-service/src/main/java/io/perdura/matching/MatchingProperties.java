package io.perdura.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of matching-service, under {@code perdura.matching}. */
@ConfigurationProperties("perdura.matching")
public class MatchingProperties {

    /** How many backlog tasks of one task queue are read from the database, and held in memory, at a time. */
    private int backlogReadBatchSize = 100;

    /** How many backlog writes (new tasks, or started tasks to delete) are committed together at most. */
    private int backlogWriteBatchSize = 200;

    /**
     * How long a new task waits in memory for a poller when none waits, before it is stored in the
     * backlog; zero stores it at once. It stays unacknowledged (history re-sends it) until then.
     */
    private Duration syncMatchWait = Duration.ofMillis(200);

    /** How long to wait before reading a task queue's backlog again after a failed read. */
    private Duration backlogRetryDelay = Duration.ofSeconds(1);

    /**
     * How long a replica that loses task queues to a rebalance holds the partitions back while the
     * tasks those queues were storing reach the backlog, so that the new owner finds them.
     */
    private Duration releaseTimeout = Duration.ofSeconds(10);

    /**
     * How often a task queue whose backlog was read to its end reads it again from the start, for
     * tasks stored by another replica while both briefly owned the queue, or left by a failed delete.
     */
    private Duration backlogRescanInterval = Duration.ofSeconds(15);

    /**
     * How long a task queue that holds nothing in memory (no waiting poll, query or task) stays there
     * unused before it is dropped: the sticky queues of workers that stopped, above all (ADR 28).
     */
    private Duration idleQueueTimeout = Duration.ofMinutes(1);

    /** How long a long poll waits for a task when the request names no timeout. */
    private Duration pollTimeout = Duration.ofSeconds(60);

    /** How long a query waits for a worker's answer when the request names no timeout. */
    private Duration queryTimeout = Duration.ofSeconds(10);

    /** How many history events are fetched per request when building a query task. */
    private int queryHistoryPageSize = 1000;

    public int getBacklogReadBatchSize() {
        return backlogReadBatchSize;
    }

    public void setBacklogReadBatchSize(int backlogReadBatchSize) {
        this.backlogReadBatchSize = backlogReadBatchSize;
    }

    public int getBacklogWriteBatchSize() {
        return backlogWriteBatchSize;
    }

    public void setBacklogWriteBatchSize(int backlogWriteBatchSize) {
        this.backlogWriteBatchSize = backlogWriteBatchSize;
    }

    public Duration getSyncMatchWait() {
        return syncMatchWait;
    }

    public void setSyncMatchWait(Duration syncMatchWait) {
        this.syncMatchWait = syncMatchWait;
    }

    public Duration getBacklogRetryDelay() {
        return backlogRetryDelay;
    }

    public void setBacklogRetryDelay(Duration backlogRetryDelay) {
        this.backlogRetryDelay = backlogRetryDelay;
    }

    public Duration getBacklogRescanInterval() {
        return backlogRescanInterval;
    }

    public void setBacklogRescanInterval(Duration backlogRescanInterval) {
        this.backlogRescanInterval = backlogRescanInterval;
    }

    public Duration getReleaseTimeout() {
        return releaseTimeout;
    }

    public void setReleaseTimeout(Duration releaseTimeout) {
        this.releaseTimeout = releaseTimeout;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public int getQueryHistoryPageSize() {
        return queryHistoryPageSize;
    }

    public void setQueryHistoryPageSize(int queryHistoryPageSize) {
        this.queryHistoryPageSize = queryHistoryPageSize;
    }

    public Duration getIdleQueueTimeout() {
        return idleQueueTimeout;
    }

    public void setIdleQueueTimeout(Duration idleQueueTimeout) {
        this.idleQueueTimeout = idleQueueTimeout;
    }
}
