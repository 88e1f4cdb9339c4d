package io.perdura.testing;

import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.sdk.internal.replay.HistoryReplay;
import io.perdura.sdk.internal.replay.WorkflowDefinition;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replays recorded workflow histories against workflow code, offline: no server, no worker, no
 * activity runs. The history is fed to the SDK's own replay (the same code and command state
 * machines a worker replays with), so a history that replays here replays on a worker, and a change
 * that would fail a running workflow's next task with non-determinism fails here first.
 *
 * <p>A history is what {@code GET /api/v1/namespaces/{ns}/workflows/{workflowId}/history?format=json}
 * downloads (a file named {@code <workflowId>-<runId>.json}), one page of the history endpoint, or a
 * JSON array of events. Pass the workflow implementation classes (public no-argument constructor),
 * one per workflow type the histories hold; each history is replayed by the class of its workflow type.
 *
 * <pre>{@code
 * WorkflowReplayer.replayWorkflowExecution(
 *         Path.of("src/test/resources/histories/order/order-1-….json"), OrderFulfillmentWorkflow.class);
 * }</pre>
 */
public final class WorkflowReplayer {

    static final String NAMESPACE = "default";

    private WorkflowReplayer() {}

    /**
     * Replays one history given as JSON.
     *
     * @throws NonDeterministicException when the code does not reproduce the recorded commands
     * @throws IllegalStateException when the code fails the workflow task on replay (it throws)
     * @throws IllegalArgumentException when the history cannot be read or no class implements its type
     */
    public static void replayWorkflowExecution(
            String historyJson, Class<?> workflowImplementationClass, Class<?>... moreImplementationClasses) {
        replay(
                RecordedHistory.parse(
                        historyJson,
                        "the history JSON given",
                        RecordedHistory.DEFAULT_WORKFLOW_ID,
                        RecordedHistory.DEFAULT_RUN_ID),
                definitions(workflowImplementationClass, moreImplementationClasses));
    }

    /** Replays one history file; see {@link #replayWorkflowExecution(String, Class, Class[])}. */
    public static void replayWorkflowExecution(
            File history, Class<?> workflowImplementationClass, Class<?>... moreImplementationClasses) {
        replayWorkflowExecution(history.toPath(), workflowImplementationClass, moreImplementationClasses);
    }

    /** Replays one history file; see {@link #replayWorkflowExecution(String, Class, Class[])}. */
    public static void replayWorkflowExecution(
            Path history, Class<?> workflowImplementationClass, Class<?>... moreImplementationClasses) {
        replay(RecordedHistory.read(history), definitions(workflowImplementationClass, moreImplementationClasses));
    }

    /**
     * Replays every {@code *.json} history under {@code directory} (recursively), each by the class of
     * its workflow type, and reports every one that fails.
     *
     * @throws NonDeterministicException listing each history that did not replay, when any did not
     * @throws IllegalArgumentException when {@code directory} holds no history
     */
    public static void replayWorkflowExecutions(
            Path directory, Class<?> workflowImplementationClass, Class<?>... moreImplementationClasses) {
        replayWorkflowExecutions(historyFiles(directory), workflowImplementationClass, moreImplementationClasses);
    }

    /** Replays each of {@code histories} and reports every one that fails; see {@link #replayWorkflowExecutions(Path, Class, Class[])}. */
    public static void replayWorkflowExecutions(
            List<Path> histories, Class<?> workflowImplementationClass, Class<?>... moreImplementationClasses) {
        Map<String, WorkflowDefinition> definitions =
                definitions(workflowImplementationClass, moreImplementationClasses);
        List<RuntimeException> failures = new ArrayList<>();
        for (Path history : histories) {
            try {
                replay(RecordedHistory.read(history), definitions);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new NonDeterministicException(
                    failures.size() + " of " + histories.size() + " histories do not replay:\n"
                            + failures.stream()
                                    .map(e -> "- " + e.getMessage().replace("\n", "\n  "))
                                    .collect(Collectors.joining("\n")),
                    failures);
        }
    }

    /** Every {@code *.json} file under {@code directory}, in path order. */
    static List<Path> historyFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no history directory " + directory);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list histories under " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.json history under " + directory);
        }
        return files;
    }

    static Map<String, WorkflowDefinition> definitions(Class<?> first, Class<?>... more) {
        Map<String, WorkflowDefinition> definitions = new LinkedHashMap<>();
        for (Class<?> implementation :
                Stream.concat(Stream.of(first), Stream.of(more)).toList()) {
            WorkflowDefinition definition = WorkflowDefinition.forImplementation(implementation);
            WorkflowDefinition previous = definitions.putIfAbsent(definition.workflowType(), definition);
            if (previous != null) {
                throw new IllegalArgumentException("two classes implement workflow type " + definition.workflowType());
            }
        }
        return definitions;
    }

    static void replay(RecordedHistory history, Map<String, WorkflowDefinition> definitions) {
        if (!(history.events().getFirst().attributes() instanceof WorkflowExecutionStarted started)) {
            throw new IllegalArgumentException(
                    "history " + history.source() + " does not begin with WorkflowExecutionStarted");
        }
        WorkflowDefinition definition = definitions.get(started.workflowType());
        if (definition == null) {
            throw new IllegalArgumentException("history " + history.source() + " is of workflow type "
                    + started.workflowType() + ", which none of the classes given implements (they implement "
                    + definitions.keySet() + ")");
        }
        HistoryReplay.Divergence divergence =
                HistoryReplay.replay(NAMESPACE, definition, history.workflowId(), history.runId(), history.events());
        if (divergence == null) {
            return;
        }
        String where = "\n  history: " + history.source() + " (workflow " + started.workflowType() + ", workflowId="
                + history.workflowId() + ", runId=" + history.runId() + ", "
                + history.events().size() + " events)";
        if (divergence.nonDeterministic()) {
            throw new NonDeterministicException(
                    divergence.message() + where, history.source(), started.workflowType(), history.workflowId());
        }
        throw new IllegalStateException(divergence.message() + where);
    }
}
