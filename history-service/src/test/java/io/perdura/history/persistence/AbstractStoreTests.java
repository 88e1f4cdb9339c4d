package io.perdura.history.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.HistoryServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backend-neutral suite of the history stores: every backend's adapter must pass it unchanged.
 * Subclasses supply a migrated, empty database.
 */
abstract class AbstractStoreTests {

    private ExecutionStore executions;
    private ShardStore shards;
    private TaskStore tasks;
    private NamespaceStore namespaces;
    private ShardFence fence;

    /** A database the history migrations can run on; may be shared by the tests of a class. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        HistoryServer.migrate(dataSource());
        executions = new JdbcExecutionStore(dataSource());
        shards = new JdbcShardStore(dataSource());
        tasks = new JdbcTaskStore(dataSource());
        namespaces = new JdbcNamespaceStore(dataSource());
        fence = new ShardFence(3, shards.acquire(3, "test"));
    }

    @Test
    void defaultNamespaceIsSeeded() {
        assertThat(namespaces.exists("default")).isTrue();
        assertThat(namespaces.exists("nope-" + UUID.randomUUID())).isFalse();
    }

    @Test
    void acquiringAShardIncrementsItsRangeId() {
        long first = shards.acquire(7, "a");
        long second = shards.acquire(7, "b");
        assertThat(second).isEqualTo(first + 1);
        assertThat(shards.rangeId(7)).isEqualTo(second);
        assertThat(shards.rangeId(9999)).isEqualTo(-1);
    }

    @Test
    void acquiringSeveralShardsIncrementsEachRangeIdInOneTransaction() {
        long before = shards.acquire(11, "a");

        Map<Integer, Long> acquired = shards.acquire(List.of(12, 11, 13), "b");

        assertThat(acquired).containsExactly(Map.entry(11, before + 1), Map.entry(12, 1L), Map.entry(13, 1L));
        assertThat(shards.rangeId(11)).isEqualTo(before + 1);
        assertThat(shards.rangeId(13)).isEqualTo(1);
    }

    @Test
    void createsAndReadsARunWithItsEvents() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), "req-1", null, write(key, 1, 2));

        var stored = executions
                .getExecution(key.namespace(), key.workflowId(), key.runId())
                .orElseThrow();
        assertThat(stored.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(stored.nextEventId()).isEqualTo(3);
        assertThat(stored.dbVersion()).isEqualTo(1);
        assertThat(stored.state()).isEqualTo("{\"s\":1}");
        assertThat(stored.closeTime()).isNull();
        assertThat(executions.getCurrentExecution(key.namespace(), key.workflowId()))
                .contains(new CurrentExecution(key.runId(), WorkflowStatus.RUNNING, "req-1"));
        assertThat(executions.findRunByStartRequest(key.namespace(), key.workflowId(), "req-1"))
                .contains(key.runId());
        assertThat(executions.findRunByStartRequest(key.namespace(), key.workflowId(), "req-2"))
                .isEmpty();
        List<HistoryEvent> events = executions.readEvents(key.runId(), 1, 100);
        assertThat(events)
                .extracting(HistoryEvent::eventType)
                .containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled);
        assertThat(events.getFirst().attributes(WorkflowExecutionStarted.class).workflowType())
                .isEqualTo("Hello");
        assertThat(executions.readEvents(key.runId(), 2, 100)).hasSize(1);
        assertThat(executions.readEvents(key.runId(), 1, 1)).hasSize(1);
    }

    @Test
    void secondRunOfAnOpenWorkflowIdIsRejected() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), null, null, write(key, 1, 2));
        var second = new WorkflowExecutionKey(
                key.namespace(), key.workflowId(), UUID.randomUUID().toString());
        assertThatThrownBy(() -> executions.createExecution(
                        fence, record(second, 3, 1, WorkflowStatus.RUNNING), null, null, write(second, 1, 2)))
                .isInstanceOf(ConditionFailedException.class);
        assertThatThrownBy(() -> executions.createExecution(
                        fence, record(second, 3, 1, WorkflowStatus.RUNNING), null, "other-run", write(second, 1, 2)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(executions.getExecution(second.namespace(), second.workflowId(), second.runId()))
                .isEmpty();
    }

    @Test
    void updateWithStaleVersionFailsAndWritesNothing() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), null, null, write(key, 1, 2));
        executions.updateExecution(fence, record(key, 4, 2, WorkflowStatus.RUNNING), 1, write(key, 3, 3));

        assertThatThrownBy(() -> executions.updateExecution(
                        fence, record(key, 5, 2, WorkflowStatus.RUNNING), 1, write(key, 4, 4)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(executions.readEvents(key.runId(), 1, 100)).hasSize(3);
        assertThat(executions
                        .getExecution(key.namespace(), key.workflowId(), key.runId())
                        .orElseThrow()
                        .dbVersion())
                .isEqualTo(2);
    }

    @Test
    void writesOfAStaleShardOwnerAreFencedOff() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), null, null, write(key, 1, 2));
        long newer = shards.acquire(3, "someone-else");

        assertThatThrownBy(() -> executions.updateExecution(
                        fence, record(key, 4, 2, WorkflowStatus.RUNNING), 1, write(key, 3, 3)))
                .isInstanceOf(ShardOwnershipLostException.class);
        var newKey = newKey();
        assertThatThrownBy(() -> executions.createExecution(
                        fence, record(newKey, 3, 1, WorkflowStatus.RUNNING), null, null, write(newKey, 1, 2)))
                .isInstanceOf(ShardOwnershipLostException.class);
        assertThat(executions.readEvents(key.runId(), 1, 100)).hasSize(2);
        executions.updateExecution(
                new ShardFence(3, newer), record(key, 4, 2, WorkflowStatus.RUNNING), 1, write(key, 3, 3));
        assertThat(executions.readEvents(key.runId(), 1, 100)).hasSize(3);
    }

    @Test
    void closingARunUpdatesTheCurrentRowAndAllowsANewRun() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), null, null, write(key, 1, 2));
        executions.updateExecution(fence, record(key, 4, 2, WorkflowStatus.COMPLETED), 1, write(key, 3, 3));
        assertThat(executions
                        .getCurrentExecution(key.namespace(), key.workflowId())
                        .orElseThrow()
                        .status())
                .isEqualTo(WorkflowStatus.COMPLETED);

        var next = new WorkflowExecutionKey(
                key.namespace(), key.workflowId(), UUID.randomUUID().toString());
        executions.createExecution(
                fence, record(next, 3, 1, WorkflowStatus.RUNNING), "req-2", key.runId(), write(next, 1, 2));
        assertThat(executions
                        .getCurrentExecution(key.namespace(), key.workflowId())
                        .orElseThrow()
                        .runId())
                .isEqualTo(next.runId());
    }

    @Test
    void duplicateEventIdsAreAConflict() {
        var key = newKey();
        executions.createExecution(fence, record(key, 3, 1, WorkflowStatus.RUNNING), null, null, write(key, 1, 2));
        assertThatThrownBy(() -> executions.updateExecution(
                        fence, record(key, 4, 2, WorkflowStatus.RUNNING), 1, write(key, 2, 2)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(executions
                        .getExecution(key.namespace(), key.workflowId(), key.runId())
                        .orElseThrow()
                        .dbVersion())
                .isEqualTo(1);
    }

    @Test
    void listsNewestFirstWithFiltersAndCursor() {
        String namespace = "ns-" + UUID.randomUUID();
        List<WorkflowExecutionKey> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var key = new WorkflowExecutionKey(
                    namespace, "wf-" + i, UUID.randomUUID().toString());
            keys.add(key);
            var status = i % 2 == 0 ? WorkflowStatus.RUNNING : WorkflowStatus.COMPLETED;
            var record = new ExecutionRecord(key, 3, status, i < 3 ? "A" : "B", "q", 1000L + i, null, 2, 1, "{}");
            executions.createExecution(fence, record, null, null, write(key, 1, 1));
        }
        var all = executions.listExecutions(namespace, null, null, null, 10);
        assertThat(all).extracting(r -> r.key().workflowId()).containsExactly("wf-4", "wf-3", "wf-2", "wf-1", "wf-0");
        assertThat(executions.listExecutions(namespace, WorkflowStatus.RUNNING, null, null, 10))
                .extracting(r -> r.key().workflowId())
                .containsExactly("wf-4", "wf-2", "wf-0");
        assertThat(executions.listExecutions(namespace, null, "B", null, 10))
                .extracting(r -> r.key().workflowId())
                .containsExactly("wf-4", "wf-3");
        var first = executions.listExecutions(namespace, null, null, null, 2);
        var cursor = new ExecutionStore.ListCursor(
                first.getLast().startTime(), first.getLast().key().runId());
        assertThat(executions.listExecutions(namespace, null, null, cursor, 2))
                .extracting(r -> r.key().workflowId())
                .containsExactly("wf-2", "wf-1");
    }

    @Test
    void timerRowsAreWrittenWithTheRunAndLoadedByFireTime() {
        var key = newKey();
        long now = System.currentTimeMillis();
        var late = new TimerTask(3, 900_001, now + 60_000, key, TimerTaskType.USER_TIMER, 5, 0, "t1");
        var soon = new TimerTask(3, 900_002, now + 1_000, key, TimerTaskType.ACTIVITY_TIMEOUT, 6, 2, "HEARTBEAT");
        executions.createExecution(
                fence,
                record(key, 3, 1, WorkflowStatus.RUNNING),
                null,
                null,
                new ExecutionWrite(events(key, 1, 2), List.of(late, soon), List.of(), List.of()));

        assertThat(tasks.loadTimerTasks(List.of(3), now + 10_000, 100))
                .contains(soon)
                .doesNotContain(late);
        assertThat(tasks.loadTimerTasks(List.of(3), now + 120_000, 100)).contains(soon, late);
        assertThat(tasks.loadTimerTasks(List.of(4), now + 120_000, 100)).isEmpty();

        executions.updateExecution(
                fence,
                record(key, 3, 2, WorkflowStatus.RUNNING),
                1,
                new ExecutionWrite(List.of(), List.of(), List.of(), List.of(soon.taskId())));
        assertThat(tasks.loadTimerTasks(List.of(3), now + 120_000, 100))
                .contains(late)
                .doesNotContain(soon);
        tasks.deleteTimerTasks(3, List.of(late.taskId()));
        assertThat(tasks.loadTimerTasks(List.of(3), now + 120_000, 100)).doesNotContain(late);
    }

    @Test
    void outboxRowsAreWrittenWithTheRunAndDeletedInBatches() {
        var key = newKey();
        var first = new TransferTask(3, 800_001, key, TransferTaskType.WORKFLOW_TASK, "q", 2, 1);
        var second = new TransferTask(3, 800_002, key, TransferTaskType.ACTIVITY_TASK, "q2", 5, 3);
        executions.createExecution(
                fence,
                record(key, 3, 1, WorkflowStatus.RUNNING),
                null,
                null,
                new ExecutionWrite(events(key, 1, 2), List.of(), List.of(first, second), List.of()));

        assertThat(tasks.loadTransferTasks(3, 800_000, 100)).containsSubsequence(first, second);
        assertThat(tasks.loadTransferTasks(3, 800_001, 100)).contains(second).doesNotContain(first);
        tasks.deleteTransferTasks(Map.of(3, List.of(first.taskId(), second.taskId())));
        assertThat(tasks.loadTransferTasks(3, 800_000, 100)).doesNotContain(first, second);
    }

    @Test
    void outboxRowsOfSeveralShardsAreDeletedTogetherAndOthersStay() {
        var fenceOf4 = new ShardFence(4, shards.acquire(4, "test"));
        var onShard3 = new TransferTask(3, 800_201, newKey(), TransferTaskType.WORKFLOW_TASK, "q", 2, 1);
        var keptOnShard3 = new TransferTask(3, 800_202, newKey(), TransferTaskType.WORKFLOW_TASK, "q", 2, 1);
        var onShard4 = new TransferTask(4, 800_201, newKey(), TransferTaskType.ACTIVITY_TASK, "q", 5, 1);
        executions.commit(List.of(
                new ExecutionChange.Create(
                        fence,
                        record(onShard3.execution(), 3, 1, WorkflowStatus.RUNNING),
                        null,
                        null,
                        new ExecutionWrite(
                                events(onShard3.execution(), 1, 2),
                                List.of(),
                                List.of(onShard3, keptOnShard3),
                                List.of())),
                new ExecutionChange.Create(
                        fenceOf4,
                        record(onShard4.execution(), 3, 1, WorkflowStatus.RUNNING),
                        null,
                        null,
                        new ExecutionWrite(
                                events(onShard4.execution(), 1, 2), List.of(), List.of(onShard4), List.of()))));

        tasks.deleteTransferTasks(Map.of(3, List.of(onShard3.taskId()), 4, List.of(onShard4.taskId()), 5, List.of()));

        assertThat(tasks.loadTransferTasks(3, 800_200, 100)).containsExactly(keptOnShard3);
        assertThat(tasks.loadTransferTasks(4, 800_200, 100)).isEmpty();
    }

    @Test
    void outboxRowsAboutOtherWorkflowsKeepTheirTargetAndRowsWithoutOneStillRead() {
        var key = newKey();
        var closing = new HistoryEvent(
                9, Instant.ofEpochMilli(1_000), new WorkflowExecutionSignaled("s", Json.array(), null));
        var toParent = new TransferTask(
                3,
                800_101,
                key,
                TransferTaskType.RECORD_CHILD_EXECUTION_COMPLETED,
                null,
                5,
                0,
                new TransferTarget("default", "parent", "run-p", null, key.runId(), closing));
        var policy = new TransferTask(
                3,
                800_102,
                key,
                TransferTaskType.PARENT_CLOSE_POLICY,
                null,
                6,
                0,
                new TransferTarget("default", "child", "run-c", ParentClosePolicy.REQUEST_CANCEL, null, null));
        executions.createExecution(
                fence,
                record(key, 3, 1, WorkflowStatus.RUNNING),
                null,
                null,
                new ExecutionWrite(events(key, 1, 2), List.of(), List.of(toParent, policy), List.of()));
        new JdbcTemplate(dataSource())
                .update(
                        "INSERT INTO transfer_tasks (shard_id, task_id, namespace, workflow_id, run_id, task_type, data)"
                                + " VALUES (3, 800103, ?, ?, ?, 'WORKFLOW_TASK',"
                                + " '{\"taskQueue\":\"q\",\"scheduledEventId\":2,\"attempt\":1}')",
                        key.namespace(),
                        key.workflowId(),
                        key.runId());

        assertThat(tasks.loadTransferTasks(3, 800_100, 100))
                .containsExactly(
                        toParent, policy, new TransferTask(3, 800_103, key, TransferTaskType.WORKFLOW_TASK, "q", 2, 1));
        tasks.deleteTransferTasks(Map.of(3, List.of(800_101L, 800_102L, 800_103L)));
    }

    /**
     * Pairs of identifiers that a case-, accent- or trailing-space-insensitive collation takes for
     * one; every identifier must tell them apart (ADR 12).
     */
    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                arguments("Order-1", "order-1"),
                arguments("café", "cafe"),
                arguments("straße", "strase"),
                arguments("id-a", "id-a "),
                arguments("DEFAULT", "default"));
    }

    @Test
    void findsANamespaceOnlyByItsExactName() {
        assertThat(namespaces.exists("DEFAULT")).isFalse();
        assertThat(namespaces.exists("Default")).isFalse();
        assertThat(namespaces.exists("default ")).isFalse();
        assertThat(namespaces.exists("default")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void lookAlikeWorkflowIdsAreDifferentWorkflows(String first, String second) {
        String namespace = "ns-" + UUID.randomUUID();
        var firstRun = running(
                new WorkflowExecutionKey(namespace, first, UUID.randomUUID().toString()), first, first);
        var secondRun = running(
                new WorkflowExecutionKey(namespace, second, UUID.randomUUID().toString()), second, second);

        executions.createExecution(fence, firstRun, first, null, write(firstRun.key(), 1, 2));
        executions.createExecution(fence, secondRun, second, null, write(secondRun.key(), 1, 2));

        for (var run : List.of(firstRun, secondRun)) {
            String workflowId = run.key().workflowId();
            assertThat(executions.getExecution(namespace, workflowId, run.key().runId()))
                    .hasValue(run);
            assertThat(executions.getCurrentExecution(namespace, workflowId))
                    .hasValue(new CurrentExecution(run.key().runId(), WorkflowStatus.RUNNING, workflowId));
            assertThat(executions.findRunByStartRequest(namespace, workflowId, workflowId))
                    .hasValue(run.key().runId());
            assertThat(executions.listExecutions(namespace, null, run.workflowType(), null, 10))
                    .containsExactly(run);
        }
        assertThat(executions.getExecution(namespace, first, secondRun.key().runId()))
                .isEmpty();
        assertThat(executions.findRunByStartRequest(namespace, first, second)).isEmpty();
        assertThat(executions.listExecutions(namespace, null, null, null, 10))
                .containsExactlyInAnyOrder(firstRun, secondRun);
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void lookAlikeRunAndRequestIdsOfOneWorkflowAreDifferent(String first, String second) {
        String namespace = "ns-" + UUID.randomUUID();
        String workflowId = "wf-" + UUID.randomUUID();
        var firstKey = new WorkflowExecutionKey(namespace, workflowId, first);
        var secondKey = new WorkflowExecutionKey(namespace, workflowId, second);

        executions.createExecution(
                fence, record(firstKey, 3, 1, WorkflowStatus.RUNNING), first, null, write(firstKey, 1, 2));
        executions.updateExecution(fence, record(firstKey, 4, 2, WorkflowStatus.COMPLETED), 1, write(firstKey, 3, 3));
        executions.createExecution(
                fence, record(secondKey, 3, 1, WorkflowStatus.RUNNING), second, first, write(secondKey, 1, 2));

        assertThat(executions.getExecution(namespace, workflowId, first).orElseThrow())
                .extracting(ExecutionRecord::key, ExecutionRecord::status)
                .containsExactly(firstKey, WorkflowStatus.COMPLETED);
        assertThat(executions.getExecution(namespace, workflowId, second).orElseThrow())
                .extracting(ExecutionRecord::key, ExecutionRecord::status)
                .containsExactly(secondKey, WorkflowStatus.RUNNING);
        assertThat(executions.getCurrentExecution(namespace, workflowId))
                .hasValue(new CurrentExecution(second, WorkflowStatus.RUNNING, second));
        assertThat(executions.findRunByStartRequest(namespace, workflowId, first))
                .hasValue(first);
        assertThat(executions.findRunByStartRequest(namespace, workflowId, second))
                .hasValue(second);
        assertThat(executions.readEvents(first, 1, 100)).hasSize(3);
        assertThat(executions.readEvents(second, 1, 100)).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void lookAlikeNamespacesAreDifferent(String first, String second) {
        String workflowId = "wf-" + UUID.randomUUID();
        String workflowType = "type-" + UUID.randomUUID();
        var inFirst = running(
                new WorkflowExecutionKey(first, workflowId, UUID.randomUUID().toString()), workflowType, "q");
        var inSecond = running(
                new WorkflowExecutionKey(second, workflowId, UUID.randomUUID().toString()), workflowType, "q");

        executions.createExecution(fence, inFirst, "req", null, write(inFirst.key(), 1, 2));
        executions.createExecution(fence, inSecond, "req", null, write(inSecond.key(), 1, 2));

        for (var run : List.of(inFirst, inSecond)) {
            String namespace = run.key().namespace();
            assertThat(executions.getExecution(namespace, workflowId, run.key().runId()))
                    .hasValue(run);
            assertThat(executions.getCurrentExecution(namespace, workflowId))
                    .hasValue(new CurrentExecution(run.key().runId(), WorkflowStatus.RUNNING, "req"));
            assertThat(executions.findRunByStartRequest(namespace, workflowId, "req"))
                    .hasValue(run.key().runId());
            assertThat(executions.listExecutions(namespace, null, workflowType, null, 10))
                    .containsExactly(run);
        }
    }

    private static WorkflowExecutionKey newKey() {
        return new WorkflowExecutionKey(
                "default", "wf-" + UUID.randomUUID(), UUID.randomUUID().toString());
    }

    private static ExecutionRecord record(WorkflowExecutionKey key, long nextEventId, long version, WorkflowStatus s) {
        return new ExecutionRecord(
                key,
                3,
                s,
                "Hello",
                "q",
                System.currentTimeMillis(),
                s.isOpen() ? null : System.currentTimeMillis(),
                nextEventId,
                version,
                "{\"s\":" + version + "}");
    }

    /** A run as first written (event ids 1 and 2), with the workflow type and task queue given. */
    private static ExecutionRecord running(WorkflowExecutionKey key, String workflowType, String taskQueue) {
        return new ExecutionRecord(key, 3, WorkflowStatus.RUNNING, workflowType, taskQueue, 1000L, null, 3, 1, "{}");
    }

    private static ExecutionWrite write(WorkflowExecutionKey key, long from, long to) {
        return new ExecutionWrite(events(key, from, to), List.of(), List.of(), List.of());
    }

    private static List<HistoryEvent> events(WorkflowExecutionKey key, long from, long to) {
        List<HistoryEvent> events = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            Instant time = Instant.ofEpochMilli(System.currentTimeMillis());
            events.add(
                    id == 1
                            ? new HistoryEvent(
                                    id,
                                    time,
                                    new WorkflowExecutionStarted(
                                            "Hello",
                                            "q",
                                            Json.array("x"),
                                            null,
                                            null,
                                            Duration.ofSeconds(10),
                                            null,
                                            null))
                            : id == 2
                                    ? new HistoryEvent(
                                            id, time, new WorkflowTaskScheduled("q", Duration.ofSeconds(10), 1))
                                    : new HistoryEvent(
                                            id, time, new WorkflowExecutionSignaled("s", Json.array(), null)));
        }
        return events;
    }
}
