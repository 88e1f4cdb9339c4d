package io.perdura.history.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.common.service.MatchingRequest.CancelPolls;
import io.perdura.common.service.MatchingRequest.PollActivityTaskQueue;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.common.service.MatchingRequest.RespondQueryTaskCompleted;
import io.perdura.common.service.MatchingService;
import io.perdura.history.persistence.TaskStore;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TransferTask;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's rows follow shard ownership: forgotten when a shard goes, rescanned when it comes. */
class OutboxRelayTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TransferTask rowOfShard1 = row(1, 10);
    private final TransferTask rowOfShard2 = row(2, 20);
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final SilentMatching matching = new SilentMatching();
    /** The rows of these tests are all for matching: the relay never calls history. */
    private final OutboxRelay relay =
            new OutboxRelay(new RowStore(), matching, null, () -> List.copyOf(owned), Duration.ofMinutes(1));

    @AfterEach
    void stop() {
        relay.stop();
    }

    @Test
    void rowsInFlightOfAReleasedShardAreForgottenAndSentAgainWhenItIsAcquired() {
        owned.addAll(Set.of(1, 2));
        relay.start();
        await().atMost(WAIT).until(() -> relay.inFlight() == 2);

        owned.remove(1);
        relay.forget(Set.of(1));
        assertThat(relay.inFlight()).isEqualTo(1);
        relay.rescanNow(Set.of(1));
        relay.rescanNow(Set.of(2));
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> matching.sent.size() == 2);

        owned.add(1);
        relay.rescanNow(Set.of(1));
        await().atMost(WAIT).until(() -> matching.sent.size() == 3);
        assertThat(matching.sent).containsExactlyInAnyOrder(10L, 20L, 10L);
        assertThat(relay.inFlight()).isEqualTo(2);
    }

    private static TransferTask row(int shardId, long taskId) {
        return new TransferTask(
                shardId,
                taskId,
                new WorkflowExecutionKey("default", "wf-" + taskId, "run-" + taskId),
                TransferTaskType.WORKFLOW_TASK,
                "q",
                2,
                1);
    }

    /** Outbox rows of shards 1 and 2 that are never deleted (no send is ever acknowledged). */
    private final class RowStore implements TaskStore {

        @Override
        public List<TimerTask> loadTimerTasks(Collection<Integer> shardIds, long fireTimeBefore, int limit) {
            return List.of();
        }

        @Override
        public void deleteTimerTasks(int shardId, Collection<Long> taskIds) {}

        @Override
        public List<TransferTask> loadTransferTasks(int shardId, long afterTaskId, int limit) {
            return List.of(rowOfShard1, rowOfShard2).stream()
                    .filter(row -> row.shardId() == shardId && row.taskId() > afterTaskId)
                    .toList();
        }

        @Override
        public void deleteTransferTasks(Map<Integer, ? extends Collection<Long>> taskIdsByShard) {}
    }

    /** A matching that takes every workflow task and never answers, so sends stay in flight. */
    private static final class SilentMatching implements MatchingService {

        private final List<Long> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> addWorkflowTask(AddWorkflowTask request) {
            sent.add(Long.parseLong(request.workflowId().substring("wf-".length())));
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> addActivityTask(AddActivityTask request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WorkflowTask> pollWorkflowTaskQueue(PollWorkflowTaskQueue request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> respondQueryTaskCompleted(RespondQueryTaskCompleted request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> cancelPolls(CancelPolls request) {
            throw new UnsupportedOperationException();
        }
    }
}
