package io.perdura.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The backend-neutral suite every {@link TaskBacklogStore} adapter must pass; one subclass per backend. */
abstract class TaskBacklogStoreTests {

    static final TaskQueueKey WORKFLOWS = new TaskQueueKey("default", "orders", TaskQueueKind.WORKFLOW);
    static final TaskQueueKey ACTIVITIES = new TaskQueueKey("default", "orders", TaskQueueKind.ACTIVITY);
    static final TaskQueueKey OTHER_NAMESPACE = new TaskQueueKey("other", "orders", TaskQueueKind.WORKFLOW);

    private TaskBacklogStore store;

    /** A migrated database of the backend under test. */
    abstract DataSource dataSource();

    @BeforeEach
    void cleanBacklog() {
        MatchingFlyway.migrate(dataSource());
        new JdbcTemplate(dataSource()).update("DELETE FROM matching_tasks");
        store = new JdbcTaskBacklogStore(dataSource());
    }

    @Test
    void readsTasksOldestFirst() {
        long first = insert(WORKFLOWS, task("wf-1", 2));
        long second = insert(WORKFLOWS, task("wf-2", 2));
        long third = insert(WORKFLOWS, task("wf-3", 5));

        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
        assertThat(store.read(WORKFLOWS, 0, 10))
                .containsExactly(
                        new BacklogTask(first, task("wf-1", 2)),
                        new BacklogTask(second, task("wf-2", 2)),
                        new BacklogTask(third, task("wf-3", 5)));
    }

    @Test
    void readsAfterAnIdAndUpToALimit() {
        long first = insert(WORKFLOWS, task("wf-1", 2));
        long second = insert(WORKFLOWS, task("wf-2", 2));
        long third = insert(WORKFLOWS, task("wf-3", 2));

        assertThat(store.read(WORKFLOWS, 0, 2)).extracting(BacklogTask::id).containsExactly(first, second);
        assertThat(store.read(WORKFLOWS, second, 2)).extracting(BacklogTask::id).containsExactly(third);
        assertThat(store.read(WORKFLOWS, third, 2)).isEmpty();
    }

    @Test
    void ignoresTheSameTaskAddedTwice() {
        long id = insert(WORKFLOWS, task("wf-1", 2));

        assertThat(store.insert(WORKFLOWS, task("wf-1", 2))).isEmpty();
        assertThat(store.read(WORKFLOWS, 0, 10)).containsExactly(new BacklogTask(id, task("wf-1", 2)));
    }

    @Test
    void keepsAnotherAttemptEventQueueKindOrNamespaceApart() {
        ScheduledTask activity = new ScheduledTask("wf-1", "run-wf-1", 5, 1);
        insert(ACTIVITIES, activity);

        assertThat(store.insert(ACTIVITIES, new ScheduledTask("wf-1", "run-wf-1", 5, 2)))
                .isPresent();
        assertThat(store.insert(ACTIVITIES, new ScheduledTask("wf-1", "run-wf-1", 6, 1)))
                .isPresent();
        assertThat(store.insert(WORKFLOWS, activity)).isPresent();
        assertThat(store.insert(OTHER_NAMESPACE, activity)).isPresent();
        assertThat(store.insert(new TaskQueueKey("default", "payments", TaskQueueKind.ACTIVITY), activity))
                .isPresent();

        assertThat(store.read(ACTIVITIES, 0, 10)).hasSize(3);
        assertThat(store.read(WORKFLOWS, 0, 10)).extracting(BacklogTask::task).containsExactly(activity);
        assertThat(store.read(OTHER_NAMESPACE, 0, 10))
                .extracting(BacklogTask::task)
                .containsExactly(activity);
    }

    @Test
    void deletesOneTaskAndToleratesARepeat() {
        long first = insert(WORKFLOWS, task("wf-1", 2));
        long second = insert(WORKFLOWS, task("wf-2", 2));

        store.delete(List.of(first));
        store.delete(List.of(first));

        assertThat(store.read(WORKFLOWS, 0, 10)).extracting(BacklogTask::id).containsExactly(second);
    }

    @Test
    void acceptsATaskAgainOnceDeleted() {
        long first = insert(WORKFLOWS, task("wf-1", 2));
        store.delete(List.of(first));

        long again = insert(WORKFLOWS, task("wf-1", 2));

        assertThat(again).isGreaterThan(first);
        assertThat(store.read(WORKFLOWS, 0, 10)).extracting(BacklogTask::id).containsExactly(again);
    }

    @Test
    void insertsSeveralTasksTogetherSkippingOnesAlreadyStored() {
        long stored = insert(WORKFLOWS, task("wf-2", 2));

        List<OptionalLong> ids = store.insert(List.of(
                new NewBacklogTask(WORKFLOWS, task("wf-1", 2)),
                new NewBacklogTask(WORKFLOWS, task("wf-2", 2)),
                new NewBacklogTask(ACTIVITIES, task("wf-3", 5))));

        assertThat(ids).hasSize(3);
        assertThat(ids.get(0)).isPresent();
        assertThat(ids.get(1)).isEmpty();
        assertThat(ids.get(2)).isPresent();
        assertThat(store.read(WORKFLOWS, 0, 10))
                .containsExactly(
                        new BacklogTask(stored, task("wf-2", 2)),
                        new BacklogTask(ids.get(0).getAsLong(), task("wf-1", 2)));
        assertThat(store.read(ACTIVITIES, 0, 10))
                .containsExactly(new BacklogTask(ids.get(2).getAsLong(), task("wf-3", 5)));
    }

    @Test
    void deletesSeveralTasksTogether() {
        long first = insert(WORKFLOWS, task("wf-1", 2));
        long second = insert(WORKFLOWS, task("wf-2", 2));
        long third = insert(ACTIVITIES, task("wf-3", 5));

        store.delete(List.of(first, third, 12345L));
        store.delete(List.of());

        assertThat(store.read(WORKFLOWS, 0, 10)).extracting(BacklogTask::id).containsExactly(second);
        assertThat(store.read(ACTIVITIES, 0, 10)).isEmpty();
    }

    @Test
    void listsEachQueueThatHoldsTasks() {
        assertThat(store.queuesWithBacklog()).isEmpty();
        insert(WORKFLOWS, task("wf-1", 2));
        insert(WORKFLOWS, task("wf-2", 2));
        long activity = insert(ACTIVITIES, task("wf-1", 5));
        insert(OTHER_NAMESPACE, task("wf-1", 2));
        store.delete(List.of(activity));

        assertThat(store.queuesWithBacklog()).containsExactlyInAnyOrder(WORKFLOWS, OTHER_NAMESPACE);
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

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void keepsQueuesOfLookAlikeNamespacesOrNamesApart(String first, String second) {
        List<TaskQueueKey> queues = List.of(
                new TaskQueueKey(first, "orders", TaskQueueKind.WORKFLOW),
                new TaskQueueKey(second, "orders", TaskQueueKind.WORKFLOW),
                new TaskQueueKey("default", first, TaskQueueKind.ACTIVITY),
                new TaskQueueKey("default", second, TaskQueueKind.ACTIVITY));
        ScheduledTask task = task("wf-1", 2);
        List<Long> ids = queues.stream().map(queue -> insert(queue, task)).toList();

        for (int i = 0; i < queues.size(); i++) {
            assertThat(store.read(queues.get(i), 0, 10)).containsExactly(new BacklogTask(ids.get(i), task));
        }
        assertThat(store.queuesWithBacklog()).containsExactlyInAnyOrderElementsOf(queues);
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void keepsTasksOfLookAlikeWorkflowAndRunIdsApart(String first, String second) {
        ScheduledTask ofFirst = new ScheduledTask(first, first, 2, 0);
        ScheduledTask ofSecond = new ScheduledTask(second, second, 2, 0);

        long firstId = insert(WORKFLOWS, ofFirst);
        long secondId = insert(WORKFLOWS, ofSecond);

        assertThat(store.insert(WORKFLOWS, ofFirst)).isEmpty();
        assertThat(store.insert(WORKFLOWS, ofSecond)).isEmpty();
        assertThat(store.read(WORKFLOWS, 0, 10))
                .containsExactly(new BacklogTask(firstId, ofFirst), new BacklogTask(secondId, ofSecond));
    }

    @Test
    void migratesIdempotently() {
        MatchingFlyway.migrate(dataSource());

        List<Integer> applied = new JdbcTemplate(dataSource())
                .queryForList(
                        "SELECT COUNT(*) FROM " + MatchingFlyway.TABLE + " WHERE version = '1' AND success = TRUE",
                        Integer.class);
        assertThat(applied).containsExactly(1);
    }

    private long insert(TaskQueueKey queue, ScheduledTask task) {
        OptionalLong id = store.insert(queue, task);
        assertThat(id).isPresent();
        return id.getAsLong();
    }

    private static ScheduledTask task(String workflowId, long scheduledEventId) {
        return new ScheduledTask(workflowId, "run-" + workflowId, scheduledEventId, 0);
    }
}
