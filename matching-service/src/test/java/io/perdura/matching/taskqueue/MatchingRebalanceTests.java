package io.perdura.matching.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.service.MatchingClient;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskQueueKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two matching replicas over one backlog database, with the task queues' partitions moved between
 * them as a consumer-group rebalance does: waiting polls are answered empty, held tasks are stored
 * or failed to the sender, and the new owner serves every task. Run on each backlog database.
 */
abstract class MatchingRebalanceTests {

    private static final int PARTITIONS = 4;
    private static final String NAMESPACE = "default";
    private static final String QUEUE = "orders";
    private static final TaskQueueKey ORDERS = new TaskQueueKey(NAMESPACE, QUEUE, TaskQueueKind.WORKFLOW);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final MatchingProperties properties = new MatchingProperties();
    private final FakeHistory history = new FakeHistory();
    private final RebalancingMessageBus bus = new RebalancingMessageBus(PARTITIONS);
    private final MatchingClient matching = new MatchingClient(bus, Duration.ofSeconds(5));
    private MatchingReplica first;
    private MatchingReplica second;

    abstract DataSource dataSource();

    @BeforeEach
    void startReplicas() {
        MatchingFlyway.migrate(dataSource());
        new JdbcTemplate(dataSource()).update("DELETE FROM matching_tasks");
        properties.setBacklogReadBatchSize(2);
        properties.setSyncMatchWait(Duration.ofMillis(50));
        properties.setBacklogRetryDelay(Duration.ofMillis(100));
        first = new MatchingReplica(bus, dataSource(), history, properties);
        second = new MatchingReplica(bus, dataSource(), history, properties);
    }

    @AfterEach
    void stopReplicas() {
        second.close();
        first.close();
    }

    @Test
    void theFirstReplicaOwnsEveryPartitionUntilOneMoves() {
        assertThat(bus.owned(first.subscription)).hasSize(PARTITIONS);
        assertThat(bus.owned(second.subscription)).isEmpty();

        moveOrdersTo(second);

        assertThat(bus.owned(second.subscription)).containsExactly(partition(ORDERS));
        assertThat(bus.owned(first.subscription)).hasSize(PARTITIONS - 1);
    }

    @Test
    void answersTheWaitingPollsOfAMovedQueueEmptySoThatTheyPollTheNewOwner() {
        String other = queueOnAnotherPartition();
        CompletableFuture<WorkflowTask> moving = poll(QUEUE, "poll-1", LONG);
        CompletableFuture<WorkflowTask> staying = poll(other, "poll-2", LONG);
        assertThat(moving).isNotDone();

        moveOrdersTo(second);

        assertThat(result(moving)).isNull();
        assertThat(staying).isNotDone();
        assertThat(first.releasedWorkflowQueues()).isEqualTo(1);

        CompletableFuture<WorkflowTask> again = poll(QUEUE, "poll-3", LONG);
        assertThat(result(add(QUEUE, "wf-1", 2))).isNull();
        assertThat(result(again).workflowId()).isEqualTo("wf-1");
        assertThat(result(add(other, "wf-2", 2))).isNull();
        assertThat(result(staying).workflowId()).isEqualTo("wf-2");
    }

    @Test
    void theNewOwnerServesTheBacklogLeftBehindOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            assertThat(result(add(QUEUE, "wf-" + i, 2))).isNull();
        }
        assertThat(backlog()).hasSize(5);

        moveOrdersTo(second);

        List<String> served = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            served.add(result(poll(QUEUE, "poll-" + i, LONG)).workflowId());
        }
        assertThat(served).containsExactly("wf-1", "wf-2", "wf-3", "wf-4", "wf-5");
        assertThat(history.started).hasSize(5);
        await().untilAsserted(() -> assertThat(backlog()).isEmpty());
        assertThat(result(poll(QUEUE, "poll-last", Duration.ofMillis(200)))).isNull();
    }

    @Test
    void storesHeldTasksBeforeThePartitionMovesAndOnlyThenAcknowledgesThem() {
        restartReplicasWithSyncMatchWait(Duration.ofSeconds(30));
        List<CompletableFuture<Void>> held = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> add(QUEUE, "wf-" + i, 2))
                .toList();
        assertThat(held).noneMatch(CompletableFuture::isDone);
        assertThat(backlog()).isEmpty();

        moveOrdersTo(second);

        // the rebalance went on only once they were durable, so the new owner reads them
        assertThat(held).allSatisfy(ack -> assertThat(ack).isCompleted());
        assertThat(backlog()).extracting(row -> row.task().workflowId()).containsExactly("wf-1", "wf-2", "wf-3");
        assertThat(history.started).isEmpty();
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            served.add(result(poll(QUEUE, "poll-" + i, LONG)).workflowId());
        }
        assertThat(served).containsExactly("wf-1", "wf-2", "wf-3");
    }

    @Test
    void holdsTheRebalanceBackWhileATaskIsBeingStoredSoThatTheNewOwnerReadsIt() {
        restartReplicasWithSyncMatchWait(Duration.ZERO);
        CompletableFuture<Void> inserts = first.store.holdInserts();
        CompletableFuture<Void> added = add(QUEUE, "wf-1", 2);
        await().until(() -> first.store.inserts.get() == 1);

        CompletableFuture<Void> moved = CompletableFuture.runAsync(() -> moveOrdersTo(second));

        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !moved.isDone() && !added.isDone());
        inserts.complete(null);
        assertThat(result(moved)).isNull();
        assertThat(added).isCompleted();
        assertThat(backlog()).extracting(row -> row.task().workflowId()).containsExactly("wf-1");
        assertThat(result(poll(QUEUE, "poll-1", LONG)).workflowId()).isEqualTo("wf-1");
    }

    @Test
    void failsHeldTasksToTheSenderWhenTheBacklogCannotTakeThemAsThePartitionMoves() {
        restartReplicasWithSyncMatchWait(Duration.ofSeconds(30));
        CompletableFuture<Void> held = add(QUEUE, "wf-1", 2);
        assertThat(held).isNotDone();
        first.store.down(true);

        moveOrdersTo(second);

        assertThat(failure(held).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(backlog()).isEmpty();
        // history sends it again, and reaches the new owner
        CompletableFuture<WorkflowTask> poll = poll(QUEUE, "poll-1", LONG);
        assertThat(result(add(QUEUE, "wf-1", 2))).isNull();
        assertThat(result(poll).workflowId()).isEqualTo("wf-1");
    }

    @Test
    void failsThePendingQueriesOfAMovedQueueAsUnavailable() {
        CompletableFuture<QueryResponse> query = matching.queryWorkflow(
                new QueryWorkflow(NAMESPACE, QUEUE, "wf-1", null, new WorkflowQuery("status", Json.array()), LONG));
        await().until(() -> first.engine.waitingQueries(ORDERS) == 1);

        moveOrdersTo(second);

        PerduraException error = failure(query);
        assertThat(error.errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(error.getMessage()).contains("moved to another matching replica");
        assertThat(first.engine.waitingQueries(ORDERS)).isZero();
    }

    @Test
    void aRequestThatStillReachesTheFormerOwnerIsServedFromTheBacklogAgain() {
        assertThat(result(add(QUEUE, "wf-1", 2))).isNull();
        assertThat(result(add(QUEUE, "wf-2", 2))).isNull();
        assertThat(result(first.engine.release(queue -> true))).isNull();
        assertThat(first.releasedWorkflowQueues()).isEqualTo(1);
        int reads = first.store.reads.get();

        // delivered late, straight to the replica that let the queue go
        WorkflowTask task = result(first.engine.pollWorkflowTaskQueue(
                new PollWorkflowTaskQueue(NAMESPACE, QUEUE, "worker-1", "poll-1", LONG)));
        assertThat(task.workflowId()).isEqualTo("wf-1");
        assertThat(first.store.reads).hasValueGreaterThan(reads);
        assertThat(result(first.engine.addWorkflowTask(new AddWorkflowTask(NAMESPACE, QUEUE, "wf-3", "run-wf-3", 2))))
                .isNull();

        assertThat(result(poll(QUEUE, "poll-2", LONG)).workflowId()).isEqualTo("wf-2");
        assertThat(result(poll(QUEUE, "poll-3", LONG)).workflowId()).isEqualTo("wf-3");
    }

    @Test
    void aBacklogTaskTwoReplicasBothDispatchIsStartedOnceAndItsRowDeleted() {
        assertThat(result(add(QUEUE, "wf-1", 2))).isNull();
        CompletableFuture<Void> starts = history.holdStarts();
        // the replica that owns the queue hands the stored task to its poller...
        CompletableFuture<WorkflowTask> owners = poll(QUEUE, "poll-1", LONG);
        await().until(() -> history.started.size() == 1);

        // ...while another replica still believes it owns the queue too, and reads the same row
        CompletableFuture<WorkflowTask> stale = second.engine.pollWorkflowTaskQueue(
                new PollWorkflowTaskQueue(NAMESPACE, QUEUE, "worker-2", "poll-2", LONG));
        await().untilAsserted(() -> assertThat(backlog()).isEmpty());
        assertThat(stale).isNotDone();
        starts.complete(null);

        assertThat(result(owners).workflowId()).isEqualTo("wf-1");
        assertThat(history.started).hasSize(1);
        assertThat(second.store.reads).hasPositiveValue();
        // the second replica's poller is still served by its next task
        assertThat(result(second.engine.addWorkflowTask(new AddWorkflowTask(NAMESPACE, QUEUE, "wf-2", "run-wf-2", 2))))
                .isNull();
        assertThat(result(stale).workflowId()).isEqualTo("wf-2");
        assertThat(backlog()).isEmpty();
    }

    @Test
    void findsATaskAnotherReplicaStoredAfterItHadReadTheBacklogToItsEnd() {
        restartReplicasWithRescanInterval(Duration.ofMillis(300));
        assertThat(result(poll(QUEUE, "poll-1", Duration.ofMillis(50)))).isNull();
        assertThat(first.store.reads).hasPositiveValue();
        CompletableFuture<WorkflowTask> waiting = poll(QUEUE, "poll-2", LONG);

        // a replica that still believed it owned the queue stores a task this one never hears of
        new JdbcTaskBacklogStore(dataSource()).insert(ORDERS, new ScheduledTask("wf-1", "run-wf-1", 2, 0));

        assertThat(result(waiting).workflowId()).isEqualTo("wf-1");
        await().untilAsserted(() -> assertThat(backlog()).isEmpty());
    }

    @Test
    void loadsTheBacklogOfTheQueuesItGainsAhead() {
        assertThat(result(add(QUEUE, "wf-1", 2))).isNull();
        assertThat(second.store.reads).hasValue(0);

        moveOrdersTo(second);

        await().untilAsserted(() -> assertThat(second.store.reads).hasPositiveValue());
        assertThat(result(poll(QUEUE, "poll-1", LONG)).workflowId()).isEqualTo("wf-1");
    }

    @Test
    void losesNoTaskWhilePartitionsMoveBackAndForthUnderLoad() throws Exception {
        int tasks = 600;
        int queues = 6;
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger moves = new AtomicInteger();
        Thread mover = Thread.ofVirtual().start(() -> {
            Random random = new Random(7);
            while (delivered.get() < tasks) {
                Set<Integer> moved = IntStream.range(0, PARTITIONS)
                        .filter(partition -> random.nextBoolean())
                        .boxed()
                        .collect(Collectors.toSet());
                bus.move(moved, random.nextBoolean() ? first.subscription : second.subscription);
                moves.incrementAndGet();
                sleep(15);
            }
        });

        List<Thread> pollers = new ArrayList<>();
        for (int p = 0; p < 2 * queues; p++) {
            String queue = "load-" + (p % queues);
            pollers.add(Thread.ofVirtual().start(() -> {
                while (delivered.get() < tasks) {
                    WorkflowTask task;
                    try {
                        task = poll(queue, UUID.randomUUID().toString(), Duration.ofMillis(100))
                                .join();
                    } catch (CompletionException e) {
                        continue;
                    }
                    if (task != null) {
                        deliveries
                                .computeIfAbsent(task.workflowId(), id -> new AtomicInteger())
                                .incrementAndGet();
                        delivered.incrementAndGet();
                    }
                }
            }));
        }
        // like history's outbox relay: every task is sent again until acknowledged
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            String queue = "load-" + (i % queues);
            String workflowId = "wf-" + i;
            senders.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        add(queue, workflowId, 2).join();
                        return;
                    } catch (CompletionException e) {
                        sleep(20);
                    }
                }
            }));
            sleep(i % 5 == 0 ? 5 : 0);
        }
        for (Thread sender : senders) {
            assertThat(sender.join(Duration.ofSeconds(60))).isTrue();
        }
        for (Thread poller : pollers) {
            assertThat(poller.join(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(mover.join(Duration.ofSeconds(10))).isTrue();

        assertThat(moves).hasValueGreaterThan(5);
        assertThat(deliveries).hasSize(tasks);
        assertThat(deliveries.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(history.started).hasSize(tasks);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(new JdbcTemplate(dataSource())
                                .queryForObject("SELECT COUNT(*) FROM matching_tasks", Integer.class))
                        .isZero());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void restartReplicasWithSyncMatchWait(Duration syncMatchWait) {
        properties.setSyncMatchWait(syncMatchWait);
        restartReplicas();
    }

    private void restartReplicasWithRescanInterval(Duration rescanInterval) {
        properties.setBacklogRescanInterval(rescanInterval);
        restartReplicas();
    }

    private void restartReplicas() {
        stopReplicas();
        first = new MatchingReplica(bus, dataSource(), history, properties);
        second = new MatchingReplica(bus, dataSource(), history, properties);
    }

    private void moveOrdersTo(MatchingReplica replica) {
        bus.move(Set.of(partition(ORDERS)), replica.subscription);
    }

    private int partition(TaskQueueKey queue) {
        return first.ownership.partitionOf(queue);
    }

    private String queueOnAnotherPartition() {
        for (int i = 0; ; i++) {
            String name = "other-" + i;
            if (partition(new TaskQueueKey(NAMESPACE, name, TaskQueueKind.WORKFLOW)) != partition(ORDERS)) {
                return name;
            }
        }
    }

    private CompletableFuture<Void> add(String queue, String workflowId, long scheduledEventId) {
        return matching.addWorkflowTask(
                new AddWorkflowTask(NAMESPACE, queue, workflowId, "run-" + workflowId, scheduledEventId));
    }

    private CompletableFuture<WorkflowTask> poll(String queue, String pollRequestId, Duration timeout) {
        return matching.pollWorkflowTaskQueue(
                new PollWorkflowTaskQueue(NAMESPACE, queue, "worker-1", pollRequestId, timeout));
    }

    private List<BacklogTask> backlog() {
        return new JdbcTaskBacklogStore(dataSource()).read(ORDERS, 0, 100);
    }

    static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("expected a result", e);
        }
    }

    static PerduraException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return PerduraException.unwrap(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("expected a failure", e);
        }
        return fail("expected a failure, got a result");
    }
}
