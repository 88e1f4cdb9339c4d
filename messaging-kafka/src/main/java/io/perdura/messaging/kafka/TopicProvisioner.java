package io.perdura.messaging.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the bus's topics when missing and reads how many partitions each has. An existing topic
 * keeps its partition count: every process routes by the count Kafka reports, never by its own
 * setting.
 */
final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final short replicationFactor;

    TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** Partition count by topic name, creating missing topics; retries until {@code timeout}. */
    Map<String, Integer> ensure(List<KafkaBusProperties.Topic> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return ensureOnce(topics);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka did not answer within " + timeout + ": cannot create or read the topics", e);
                }
                log.warn("Kafka is not reachable yet ({}); retrying", rootMessage(e));
                sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
    }

    private Map<String, Integer> ensureOnce(List<KafkaBusProperties.Topic> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Integer> partitions = new HashMap<>();
        for (KafkaBusProperties.Topic topic : topics) {
            Integer existing = describe(topic.getName());
            if (existing == null) {
                create(topic);
                existing = describe(topic.getName());
            }
            if (existing == null) {
                throw new IllegalStateException("topic " + topic.getName() + " is not visible yet");
            }
            partitions.put(topic.getName(), existing);
        }
        return partitions;
    }

    private Integer describe(String name) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(name))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(name)
                    .partitions()
                    .size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private void create(KafkaBusProperties.Topic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic.getName(), topic.getPartitions(), replicationFactor)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            log.info("created topic {} with {} partitions", topic.getName(), topic.getPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
