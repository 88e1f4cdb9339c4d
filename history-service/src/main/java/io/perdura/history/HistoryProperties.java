package io.perdura.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of history-service, under {@code perdura.history}. */
@ConfigurationProperties("perdura.history")
public class HistoryProperties {

    /** Number of shards workflow ids are spread over; fixed for the life of a cluster. */
    private int shardCount = 16;

    /** Name this process records as shard owner; defaults to a random id per start. */
    private String ownerId;

    /** Start-to-close timeout of workflow tasks when the start request sets none. */
    private Duration defaultWorkflowTaskTimeout = Duration.ofSeconds(10);

    /** Maximum number of runs whose MutableState is cached in memory. */
    private int cacheSize = 10_000;

    /** Timer queue tuning. */
    private final Timer timer = new Timer();

    /** Outbox relay tuning. */
    private final Outbox outbox = new Outbox();

    public int getShardCount() {
        return shardCount;
    }

    public void setShardCount(int shardCount) {
        this.shardCount = shardCount;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public Duration getDefaultWorkflowTaskTimeout() {
        return defaultWorkflowTaskTimeout;
    }

    public void setDefaultWorkflowTaskTimeout(Duration defaultWorkflowTaskTimeout) {
        this.defaultWorkflowTaskTimeout = defaultWorkflowTaskTimeout;
    }

    public int getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    public Timer getTimer() {
        return timer;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    /** Timer queue tuning. */
    public static class Timer {

        /** How far ahead timer rows are loaded into memory. */
        private Duration lookahead = Duration.ofSeconds(60);

        /** How often timer rows are loaded from the database. */
        private Duration loadInterval = Duration.ofSeconds(10);

        /** Maximum number of timer rows loaded at once. */
        private int batchSize = 10_000;

        public Duration getLookahead() {
            return lookahead;
        }

        public void setLookahead(Duration lookahead) {
            this.lookahead = lookahead;
        }

        public Duration getLoadInterval() {
            return loadInterval;
        }

        public void setLoadInterval(Duration loadInterval) {
            this.loadInterval = loadInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    /** Outbox relay tuning. */
    public static class Outbox {

        /** How often outbox rows left behind (crash, failed send) are sent again. */
        private Duration rescanInterval = Duration.ofSeconds(5);

        public Duration getRescanInterval() {
            return rescanInterval;
        }

        public void setRescanInterval(Duration rescanInterval) {
            this.rescanInterval = rescanInterval;
        }
    }
}
