package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.TimerFired;
import static io.perdura.common.history.EventType.TimerStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionCompleted;
import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static io.perdura.history.AbstractHistoryEngineTests.NS;
import static io.perdura.history.AbstractHistoryEngineTests.WAIT;
import static io.perdura.history.AbstractHistoryEngineTests.activity;
import static io.perdura.history.AbstractHistoryEngineTests.completeWorkflow;
import static io.perdura.history.AbstractHistoryEngineTests.errorOf;
import static io.perdura.history.AbstractHistoryEngineTests.join;
import static io.perdura.history.AbstractHistoryEngineTests.newWorkflowId;
import static io.perdura.history.AbstractHistoryEngineTests.startRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shard ownership following the bus's partitions: two history replicas over ONE database, each with
 * its own bus, and the test moving history partitions between them as a rebalance would. The
 * replicas load timers and rescan the outbox only every minute, so whatever happens within the
 * tests' waits happened because ownership changed. Run on every backend.
 */
abstract class AbstractShardMovementTests {

    private static final int SHARDS = 4;
    private static final int PARTITIONS = 2;
    private static final Duration RARELY = Duration.ofMinutes(1);

    private Replica a;
    private Replica b;

    /** The database both replicas share; migrated by them. */
    protected abstract DataSource dataSource();

    /** Releases what the test's database needs released, once both replicas stopped. */
    protected void afterServersStopped() {}

    @BeforeEach
    void startReplicas() {
        a = new Replica("replica-a");
        b = new Replica("replica-b");
    }

    @AfterEach
    void stopReplicas() {
        a.close();
        b.close();
        afterServersStopped();
    }

    @Test
    void aReplicaOwnsTheShardsOfItsPartitionsOnly() {
        a.bus.assign(1);
        b.bus.assign(0);

        assertThat(a.server.shards().ownedShardIds()).containsExactly(1, 3);
        assertThat(b.server.shards().ownedShardIds()).containsExactly(0, 2);
        String workflowId = workflowIdOnPartition(0);
        assertThat(errorOf(() -> a.start(workflowId))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(errorOf(() -> b.describe(workflowId))).isEqualTo(ErrorType.NOT_FOUND);
        b.start(workflowId);
        assertThat(errorOf(() -> a.describe(workflowId))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(b.describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);
    }

    @Test
    void aStaleOwnerIsFencedOffAndTheNewOwnerContinuesFromTheDatabase() {
        String workflowId = workflowIdOnPartition(0);
        a.bus.assign(0);
        a.start(workflowId);
        WorkflowTask task = a.pollWorkflowTask(workflowId);

        // b takes partition 0 before a hears of it: a keeps answering, but cannot commit
        b.bus.assign(0);
        assertThat(errorOf(() -> a.complete(task, completeWorkflow("stale")))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(b.eventTypes(workflowId))
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);
        a.bus.revoke(0);
        assertThat(a.server.shards().ownedShardIds()).doesNotContain(0, 2);

        b.complete(task, activity("1", null));
        assertThat(b.describe(workflowId).pendingActivities()).hasSize(1);
        assertContiguous(b.events(workflowId));
        assertThat(b.eventTypes(workflowId)).endsWith(WorkflowTaskCompleted, ActivityTaskScheduled);
    }

    @Test
    void aShardMovedAwayAndBackIsReadFromTheDatabaseNotFromTheCache() {
        String workflowId = workflowIdOnPartition(1);
        a.bus.assign(1);
        a.start(workflowId);
        WorkflowTask task = a.pollWorkflowTask(workflowId);
        assertThat(a.describe(workflowId).pendingActivities()).isEmpty();

        move(1, a, b);
        b.complete(task, activity("1", null));

        move(1, b, a);
        assertThat(a.describe(workflowId).pendingActivities())
                .singleElement()
                .satisfies(pending -> assertThat(pending.activityId()).isEqualTo("1"));
        a.completeActivity(b.matching.nextActivityTask(workflowId, WAIT));
        a.complete(a.pollWorkflowTask(workflowId), completeWorkflow("done"));
        List<HistoryEvent> events = a.events(workflowId);
        assertContiguous(events);
        assertThat(events).extracting(HistoryEvent::eventType).endsWith(WorkflowExecutionCompleted);
    }

    @Test
    void aTimerOfAMovedShardFiresOnTheNewOwner() {
        String workflowId = workflowIdOnPartition(0);
        a.bus.assign(0);
        a.start(workflowId);
        a.complete(a.pollWorkflowTask(workflowId), new Command.StartTimer("nap", Duration.ofSeconds(2)));
        assertThat(a.server.timerQueue().size()).isPositive();

        move(0, a, b);
        assertThat(a.server.timerQueue().size()).isZero();

        WorkflowTask afterTimer = b.pollWorkflowTask(workflowId);
        assertThat(afterTimer.history())
                .extracting(HistoryEvent::eventType)
                .containsSubsequence(TimerStarted, TimerFired, WorkflowTaskScheduled, WorkflowTaskStarted);
        assertContiguous(afterTimer.history());
    }

    @Test
    void anOutboxRowLeftByTheOldOwnerIsSentByTheNewOwner() {
        String workflowId = workflowIdOnPartition(1);
        a.bus.assign(1);
        a.matching.refuseNext(Integer.MAX_VALUE);
        a.start(workflowId);
        await().atMost(WAIT).until(() -> a.server.relay().inFlight() == 0);
        assertThat(a.matching.noWorkflowTask(workflowId, Duration.ofMillis(300)))
                .isTrue();

        move(1, a, b);

        WorkflowTask task = b.pollWorkflowTask(workflowId);
        b.complete(task, completeWorkflow("sent by b"));
        assertThat(b.eventTypes(workflowId)).endsWith(WorkflowExecutionCompleted);
    }

    @Test
    void resultWaitersOfAMovedShardFailUnavailableSoThatCallersAskTheNewOwner() {
        String workflowId = workflowIdOnPartition(0);
        a.bus.assign(0);
        a.start(workflowId);
        CompletableFuture<WorkflowResult> waiting = a.client.getWorkflowExecutionResult(
                new GetWorkflowExecutionResult(NS, workflowId, null, Duration.ofSeconds(30)));
        await().atMost(WAIT).until(() -> a.server.engine().waitingResults() == 1);

        move(0, a, b);

        assertThatThrownBy(() -> join(waiting))
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.UNAVAILABLE));
        assertThat(a.server.engine().waitingResults()).isZero();
        assertThat(join(b.client.getWorkflowExecutionResult(
                                new GetWorkflowExecutionResult(NS, workflowId, null, Duration.ZERO)))
                        .status())
                .isEqualTo(WorkflowStatus.RUNNING);
    }

    @Test
    void anAssignmentWhileTheDatabaseIsDownIsRetriedUntilItIsBack() {
        String workflowId = workflowIdOnPartition(0);
        a.bus.assign(0);
        a.start(workflowId);
        WorkflowTask task = a.pollWorkflowTask(workflowId);

        b.database.down(true);
        move(0, a, b);
        assertThat(b.server.shardsAwaitingAcquisition()).containsExactlyInAnyOrder(0, 2);
        assertThat(b.server.shards().ownedShardIds()).isEmpty();
        assertThat(errorOf(() -> b.complete(task, completeWorkflow("too early"))))
                .isEqualTo(ErrorType.UNAVAILABLE);

        b.database.down(false);
        await().atMost(WAIT).until(() -> b.server.shards().ownedShardIds().equals(List.of(0, 2)));
        assertThat(b.server.shardsAwaitingAcquisition()).isEmpty();
        assertThat(b.describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);

        b.database.down(true);
        assertThat(errorOf(() -> b.complete(task, completeWorkflow("mid-outage"))))
                .isEqualTo(ErrorType.UNAVAILABLE);
        b.database.down(false);
        b.complete(task, completeWorkflow("after the outage"));
        assertThat(b.eventTypes(workflowId)).endsWith(WorkflowTaskCompleted, WorkflowExecutionCompleted);
        assertContiguous(b.events(workflowId));
    }

    @Test
    void startFailsWhenTheShardCountIsNotAMultipleOfThePartitions() {
        try (var bus = new ManualPartitionBus(PARTITIONS)) {
            HistoryProperties properties = new HistoryProperties();
            properties.setShardCount(3);
            HistoryServer server = new HistoryServer(dataSource(), bus, properties);

            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shard-count (3)")
                    .hasMessageContaining("multiple of the number of partitions")
                    .hasMessageContaining("(2)");
            assertThat(server.isRunning()).isFalse();
        }
    }

    /** Revokes a partition from one replica, then assigns it to the other, as a rebalance does. */
    private static void move(int partition, Replica from, Replica to) {
        from.bus.revoke(partition);
        to.bus.assign(partition);
    }

    private String workflowIdOnPartition(int partition) {
        while (true) {
            String workflowId = newWorkflowId();
            if (a.server.shards().shardOf(NS, workflowId) % PARTITIONS == partition) {
                return workflowId;
            }
        }
    }

    private static void assertContiguous(List<HistoryEvent> events) {
        assertThat(events)
                .extracting(HistoryEvent::eventId)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    /** One history replica: its own bus, matching stand-in and client, over the shared database. */
    private final class Replica implements AutoCloseable {

        final ManualPartitionBus bus = new ManualPartitionBus(PARTITIONS);
        final FakeMatching matching = new FakeMatching(bus);
        final HistoryClient client = new HistoryClient(bus);
        final SwitchableDataSource database = new SwitchableDataSource(dataSource());
        final HistoryServer server;

        Replica(String ownerId) {
            HistoryProperties properties = new HistoryProperties();
            properties.setShardCount(SHARDS);
            properties.setOwnerId(ownerId);
            properties.getTimer().setLoadInterval(RARELY);
            properties.getOutbox().setRescanInterval(RARELY);
            server = new HistoryServer(database, bus, properties);
            server.start();
        }

        void start(String workflowId) {
            join(client.startWorkflowExecution(new StartWorkflowExecution(NS, workflowId, startRequest(null))));
        }

        /**
         * The next workflow task dispatched to this replica's matching, recorded started. A task sent
         * twice (a new owner re-sends outbox rows its predecessor had sent but not yet deleted) is
         * TASK_NOT_FOUND the second time and skipped, as matching does.
         */
        WorkflowTask pollWorkflowTask(String workflowId) {
            while (true) {
                AddWorkflowTask added = matching.nextWorkflowTask(workflowId, WAIT);
                try {
                    return join(client.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                            NS,
                            workflowId,
                            added.runId(),
                            added.taskQueue(),
                            added.scheduledEventId(),
                            "poll-" + UUID.randomUUID(),
                            "worker-1")));
                } catch (PerduraException e) {
                    if (e.errorType() != ErrorType.TASK_NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }

        void complete(WorkflowTask task, Command... commands) {
            join(client.respondWorkflowTaskCompleted(new RespondWorkflowTaskCompleted(
                    TaskToken.decode(task.taskToken()),
                    new CompleteWorkflowTaskRequest(task.taskToken(), List.of(commands), "worker-1"))));
        }

        /** Starts and completes an activity task, whichever replica's matching it was dispatched to. */
        void completeActivity(AddActivityTask added) {
            ActivityTask task = join(client.recordActivityTaskStarted(new RecordActivityTaskStarted(
                    NS,
                    added.workflowId(),
                    added.runId(),
                    added.taskQueue(),
                    added.scheduledEventId(),
                    added.attempt(),
                    "poll-" + UUID.randomUUID(),
                    "worker-1")));
            join(client.respondActivityTaskCompleted(new RespondActivityTaskCompleted(
                    TaskToken.decode(task.taskToken()),
                    new CompleteActivityTaskRequest(task.taskToken(), Json.tree("ok"), "worker-1"))));
        }

        WorkflowExecutionDescription describe(String workflowId) {
            return join(client.describeWorkflowExecution(new DescribeWorkflowExecution(NS, workflowId, null)));
        }

        List<HistoryEvent> events(String workflowId) {
            return join(client.getWorkflowExecutionHistory(
                            new GetWorkflowExecutionHistory(NS, workflowId, null, 1000, null)))
                    .events();
        }

        List<EventType> eventTypes(String workflowId) {
            return events(workflowId).stream().map(HistoryEvent::eventType).toList();
        }

        @Override
        public void close() {
            server.stop();
            matching.close();
            bus.close();
        }
    }
}
