package io.perdura.messaging.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Kafka message bus, under {@code perdura.kafka}. Setting {@code bootstrap-servers}
 * turns the bus on.
 */
@ConfigurationProperties("perdura.kafka")
public class KafkaBusProperties {

    /** Kafka's {@code bootstrap.servers}, e.g. {@code kafka:9092}. */
    private String bootstrapServers;

    /** Replication factor of the topics created on start. */
    private short replicationFactor = 1;

    /**
     * How long a subscriber may be silent before its partitions move to another replica: the failover
     * time after a kill -9.
     */
    private Duration sessionTimeout = Duration.ofSeconds(10);

    /** How long a start waits for Kafka to answer before the process gives up. */
    private Duration startTimeout = Duration.ofSeconds(60);

    /** The topics of the bus. */
    private final Topics topics = new Topics();

    /** Further Kafka client settings (security, SASL...), passed to every producer, consumer and admin. */
    private final Map<String, String> properties = new LinkedHashMap<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public Duration getStartTimeout() {
        return startTimeout;
    }

    public void setStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    public Topics getTopics() {
        return topics;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    /** The Kafka topic behind a logical topic of {@link io.perdura.common.messaging.Topics}. */
    Topic topic(String logicalTopic) {
        return switch (logicalTopic) {
            case io.perdura.common.messaging.Topics.HISTORY -> topics.history;
            case io.perdura.common.messaging.Topics.MATCHING -> topics.matching;
            default -> throw new IllegalArgumentException("no Kafka topic is configured for " + logicalTopic);
        };
    }

    /** The bus's three topics, under {@code perdura.kafka.topics}. */
    public static class Topics {

        /** History requests, keyed by namespace/workflowId; the shard count must be a multiple of its partitions. */
        private final Topic history = new Topic(io.perdura.common.messaging.Topics.HISTORY, 16);

        /** Matching requests, keyed by namespace/taskQueue/kind. */
        private final Topic matching = new Topic(io.perdura.common.messaging.Topics.MATCHING, 16);

        /**
         * Replies to requests; each process reads one partition, chosen by hashing its instance id. Processes
         * that share one fetch each other's replies: six processes do so in 39% of clusters with 32 partitions,
         * in 92% with 8.
         */
        private final Topic replies = new Topic("perdura.replies", 32);

        public Topic getHistory() {
            return history;
        }

        public Topic getMatching() {
            return matching;
        }

        public Topic getReplies() {
            return replies;
        }
    }

    /** One Kafka topic: its name and the partition count it is created with. */
    public static class Topic {

        /** Name of the Kafka topic. */
        private String name;

        /** Partitions it is created with (an existing topic keeps its own count). */
        private int partitions;

        public Topic() {}

        Topic(String name, int partitions) {
            this.name = name;
            this.partitions = partitions;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }
    }
}
