package io.perdura.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.PartitionListener;
import io.perdura.common.messaging.Partitioning;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kafka bus against a real broker: request/reply, key order, errors, timeouts and rebalances. */
class KafkaMessageBusTests {

    private final List<KafkaMessageBus> buses = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void closeBuses() {
        buses.forEach(KafkaMessageBus::close);
    }

    private KafkaMessageBus bus(String name) {
        KafkaBusProperties properties = new KafkaBusProperties();
        properties.setBootstrapServers(KafkaBroker.bootstrapServers());
        properties.setSessionTimeout(Duration.ofSeconds(3));
        properties.getTopics().getHistory().setName("test.history." + suffix);
        properties.getTopics().getHistory().setPartitions(4);
        properties.getTopics().getMatching().setName("test.matching." + suffix);
        properties.getTopics().getMatching().setPartitions(2);
        properties.getTopics().getReplies().setName("test.replies." + suffix);
        properties.getTopics().getReplies().setPartitions(2);
        KafkaMessageBus bus = new KafkaMessageBus(properties, name);
        buses.add(bus);
        return bus;
    }

    private static SignalWorkflowExecution signal(String workflowId, int n) {
        return new SignalWorkflowExecution(
                "default", workflowId, null, "s", new SignalRequest(Json.array(n), "req-" + n, "test"));
    }

    @Test
    void requestsAreAnsweredWithTheHandlersTypedReply() throws Exception {
        KafkaMessageBus server = bus("server");
        KafkaMessageBus client = bus("client");
        server.subscribe(Topics.HISTORY, (key, message) -> {
            SignalWorkflowExecution signal = (SignalWorkflowExecution) message;
            return CompletableFuture.completedFuture(new StartWorkflowResponse(signal.workflowId(), "run-1"));
        });

        Object reply = client.request(Topics.HISTORY, "default/wf-1", signal("wf-1", 1), Duration.ofSeconds(30))
                .get(30, TimeUnit.SECONDS);

        assertThat(reply).isEqualTo(new StartWorkflowResponse("wf-1", "run-1"));
        assertThat(server.partitions(Topics.HISTORY)).isEqualTo(4);
    }

    @Test
    void aHandlersErrorReachesTheCallerWithItsType() {
        KafkaMessageBus server = bus("server");
        server.subscribe(Topics.HISTORY, (key, message) -> {
            throw new PerduraException(ErrorType.NOT_FOUND, "no workflow " + key);
        });
        server.subscribe(
                Topics.MATCHING,
                (key, message) ->
                        CompletableFuture.failedFuture(new PerduraException(ErrorType.ALREADY_STARTED, "already")));

        assertThatThrownBy(() -> server.request(Topics.HISTORY, "default/x", signal("x", 1), Duration.ofSeconds(30))
                        .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(PerduraException.class, e -> {
                    assertThat(e.errorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no workflow default/x");
                });
        assertThatThrownBy(() -> server.request(Topics.MATCHING, "q", signal("x", 1), Duration.ofSeconds(30))
                        .get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.ALREADY_STARTED));
    }

    @Test
    void messagesOfOneKeyAreHandledInTheOrderSent() throws Exception {
        KafkaMessageBus server = bus("server");
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        server.subscribe(Topics.HISTORY, (key, message) -> {
            int n = ((SignalWorkflowExecution) message).request().input().get(0).asInt();
            seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
            return CompletableFuture.completedFuture(null);
        });
        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            String workflowId = "wf-" + (n % 5);
            replies.add(server.request(
                    Topics.HISTORY, "default/" + workflowId, signal(workflowId, n), Duration.ofSeconds(30)));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(seen).hasSize(5);
        seen.values().forEach(numbers -> assertThat(numbers).hasSize(40).isSorted());
    }

    @Test
    void aRequestNobodyAnswersFailsUnavailableAfterItsTimeout() {
        KafkaMessageBus client = bus("client");

        assertThatThrownBy(() -> client.request(Topics.MATCHING, "q", signal("x", 1), Duration.ofMillis(800))
                        .get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.UNAVAILABLE));
    }

    @Test
    void anExpiredRequestIsDroppedUnhandled() throws Exception {
        KafkaMessageBus client = bus("client");
        client.request(Topics.MATCHING, "q", signal("late", 1), Duration.ofMillis(200));
        Thread.sleep(1500);
        List<Object> handled = new CopyOnWriteArrayList<>();
        KafkaMessageBus server = bus("server");
        server.subscribe(Topics.MATCHING, (key, message) -> {
            handled.add(message);
            return CompletableFuture.completedFuture(null);
        });

        assertThat(client.request(Topics.MATCHING, "q", signal("fresh", 2), Duration.ofSeconds(30))
                        .get(30, TimeUnit.SECONDS))
                .isNull();
        assertThat(handled)
                .extracting(m -> ((SignalWorkflowExecution) m).workflowId())
                .containsExactly("fresh");
    }

    @Test
    void partitionsMoveToTheRemainingSubscriberWhenOneCloses() throws Exception {
        Set<Integer> ownedByA = ConcurrentHashMap.newKeySet();
        Set<Integer> ownedByB = ConcurrentHashMap.newKeySet();
        AtomicInteger handledByB = new AtomicInteger();
        KafkaMessageBus a = bus("a");
        KafkaMessageBus b = bus("b");
        var subscriptionA =
                a.subscribe(Topics.HISTORY, (key, m) -> CompletableFuture.completedFuture("a"), tracking(ownedByA));
        b.subscribe(
                Topics.HISTORY,
                (key, m) -> {
                    handledByB.incrementAndGet();
                    return CompletableFuture.completedFuture("b");
                },
                tracking(ownedByB));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !ownedByA.isEmpty() && !ownedByB.isEmpty() && ownedByA.size() + ownedByB.size() == 4);
        assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);

        subscriptionA.close();

        assertThat(ownedByA).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> ownedByB.size() == 4);
        for (int n = 0; n < 20; n++) {
            String key = "default/wf-" + n;
            assertThat(a.request(Topics.HISTORY, key, signal("wf-" + n, n), Duration.ofSeconds(30))
                            .get(30, TimeUnit.SECONDS))
                    .as("partition %d", Partitioning.partitionOf(key, 4))
                    .isEqualTo("b");
        }
        assertThat(handledByB).hasValue(20);
    }

    private static PartitionListener tracking(Set<Integer> owned) {
        return new PartitionListener() {
            @Override
            public void assigned(Set<Integer> partitions) {
                owned.addAll(partitions);
            }

            @Override
            public void revoked(Set<Integer> partitions) {
                owned.removeAll(partitions);
            }
        };
    }
}
