package io.perdura.messaging.kafka;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import io.perdura.common.messaging.Partitioning;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka adapter of {@link MessageBus}, for the cluster. A request is a record on the topic's
 * partition {@link Partitioning#partitionOf(String, int) partitionOf(key)}, so every request about
 * one key is handled in order by the one process that owns the partition; the processes subscribed
 * to a topic form its consumer group, and a rebalance moves partitions between them. The answer
 * comes back on the replies partition this process reads. Topics are created on start when missing.
 */
public final class KafkaMessageBus implements MessageBus, AutoCloseable {

    private static final int LINGER_MS = 5;

    private final KafkaBusProperties properties;
    private final String instanceId;
    private final Admin admin;
    private final Producer<String, byte[]> producer;
    private final Map<String, Integer> partitions;
    private final ReplyChannel replies;
    private final ReplySender replySender;
    private final List<TopicSubscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * Connects to Kafka, creates missing topics and starts reading this process's replies; waits for
     * Kafka at most {@code perdura.kafka.start-timeout}.
     */
    public KafkaMessageBus(KafkaBusProperties properties, String instanceId) {
        if (properties.getBootstrapServers() == null
                || properties.getBootstrapServers().isBlank()) {
            throw new IllegalArgumentException("perdura.kafka.bootstrap-servers is not set");
        }
        this.properties = properties;
        this.instanceId = instanceId;
        this.admin = Admin.create(clientConfig("admin"));
        this.partitions = new TopicProvisioner(admin, properties.getReplicationFactor())
                .ensure(
                        List.of(
                                properties.getTopics().getHistory(),
                                properties.getTopics().getMatching(),
                                properties.getTopics().getReplies()),
                        properties.getStartTimeout());
        this.producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        partitions.keySet().forEach(producer::partitionsFor); // fetch metadata now, not on the first request
        String repliesTopic = properties.getTopics().getReplies().getName();
        int replyPartition = Partitioning.partitionOf(instanceId, partitions.get(repliesTopic));
        this.replies = new ReplyChannel(
                new KafkaConsumer<>(
                        consumerConfig("replies", null), new StringDeserializer(), new ByteArrayDeserializer()),
                new TopicPartition(repliesTopic, replyPartition));
        this.replySender = new ReplySender(producer, repliesTopic);
    }

    @Override
    public CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout) {
        String kafkaTopic = properties.topic(topic).getName();
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<Object> reply = replies.expect(correlationId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                kafkaTopic,
                Partitioning.partitionOf(key, partitions.get(kafkaTopic)),
                key,
                MessageCodec.encode(message));
        MessageCodec.type(record.headers(), message);
        record.headers()
                .add(MessageCodec.CORRELATION, MessageCodec.utf8(correlationId))
                .add(MessageCodec.REPLY_PARTITION, MessageCodec.utf8(String.valueOf(replies.partition())))
                .add(MessageCodec.DEADLINE, MessageCodec.longBytes(System.currentTimeMillis() + timeout.toMillis()));
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    reply.completeExceptionally(new PerduraException(
                            ErrorType.UNAVAILABLE, "cannot send to " + kafkaTopic + ": " + failure.getMessage()));
                }
            });
        } catch (RuntimeException e) {
            reply.completeExceptionally(new PerduraException(
                    ErrorType.UNAVAILABLE, "cannot send to " + kafkaTopic + ": " + e.getMessage()));
        }
        return MessageBus.timingOut(reply, topic, timeout);
    }

    @Override
    public Subscription subscribe(String topic, MessageHandler handler, PartitionListener listener) {
        String kafkaTopic = properties.topic(topic).getName();
        TopicSubscriber subscriber = new TopicSubscriber(
                kafkaTopic,
                new KafkaConsumer<>(
                        consumerConfig(kafkaTopic, kafkaTopic + ".handlers"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer()),
                handler,
                listener,
                replySender);
        subscribers.add(subscriber);
        return () -> {
            subscribers.remove(subscriber);
            subscriber.close();
        };
    }

    @Override
    public int partitions(String topic) {
        return partitions.get(properties.topic(topic).getName());
    }

    /** The admin client, for health checks. */
    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        subscribers.forEach(TopicSubscriber::close);
        subscribers.clear();
        replies.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private Map<String, Object> clientConfig(String role) {
        Map<String, Object> config = new HashMap<>(properties.getProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.getBootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, instanceId + "-" + role);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = clientConfig("producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // a record waits up to LINGER for others to the same partition: fewer, larger produce requests,
        // which is most of the broker's work per message
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    private Map<String, Object> consumerConfig(String role, String groupId) {
        Map<String, Object> config = clientConfig(role);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // the broker answers a fetch as soon as one record is there (fetch.min.bytes 1), so a long wait
        // costs no latency, and an idle consumer asks twice a second instead of a hundred times
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        if (groupId == null) {
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            return config;
        }
        long session = properties.getSessionTimeout().toMillis();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, 1000);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, session / 4));
        config.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                List.of(CooperativeStickyAssignor.class.getName()));
        return config;
    }
}
