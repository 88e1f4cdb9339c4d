package io.perdura.testing;

import io.perdura.sdk.internal.replay.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The replay gate: every recorded history under a directory must replay against the workflow code
 * being built, so a change that would break running workflows fails the build before it is deployed.
 * Use {@link #dynamicTests} from a {@code @TestFactory} (one test per history file, each shown by
 * its path), {@link #replayAll} from a plain test, or {@link ReplayTest @ReplayTest}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> recordedHistoriesReplay() {
 *     return ReplayGate.dynamicTests("histories", OrderFulfillmentWorkflow.class, ShippingWorkflow.class);
 * }
 * }</pre>
 */
public final class ReplayGate {

    /** The classpath directory histories are read from by default: {@code src/test/resources/histories}. */
    public static final String DEFAULT_HISTORIES = "histories";

    private ReplayGate() {}

    /**
     * Replays every {@code *.json} history under {@code directory} (recursively) against {@code
     * workflowImplementationClasses}.
     *
     * @throws NonDeterministicException listing each history that did not replay, when any did not
     */
    public static void replayAll(Path directory, Class<?>... workflowImplementationClasses) {
        requireClasses(workflowImplementationClasses);
        WorkflowReplayer.replayWorkflowExecutions(
                directory,
                workflowImplementationClasses[0],
                Arrays.copyOfRange(workflowImplementationClasses, 1, workflowImplementationClasses.length));
    }

    /** One dynamic test per {@code *.json} history under {@code directory}, named by its relative path. */
    public static Stream<DynamicTest> dynamicTests(Path directory, Class<?>... workflowImplementationClasses) {
        return dynamicTests(List.of(directory), workflowImplementationClasses);
    }

    /**
     * One dynamic test per {@code *.json} history under the classpath directory {@code
     * classpathDirectory} (e.g. {@value #DEFAULT_HISTORIES}, for {@code src/test/resources/histories}).
     */
    public static Stream<DynamicTest> dynamicTests(
            String classpathDirectory, Class<?>... workflowImplementationClasses) {
        return dynamicTests(
                classpathDirectories(classpathDirectory, Thread.currentThread().getContextClassLoader()),
                workflowImplementationClasses);
    }

    private static Stream<DynamicTest> dynamicTests(List<Path> directories, Class<?>... workflowImplementationClasses) {
        requireClasses(workflowImplementationClasses);
        Map<String, WorkflowDefinition> definitions = WorkflowReplayer.definitions(
                workflowImplementationClasses[0],
                Arrays.copyOfRange(workflowImplementationClasses, 1, workflowImplementationClasses.length));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path directory : directories) {
            for (Path file : WorkflowReplayer.historyFiles(directory)) {
                tests.add(DynamicTest.dynamicTest(
                        directory.relativize(file).toString().replace('\\', '/'),
                        file.toUri(),
                        () -> WorkflowReplayer.replay(RecordedHistory.read(file), definitions)));
            }
        }
        return tests.stream();
    }

    /** The directories {@code name} names on the classpath (test and main resources may both have it). */
    static List<Path> classpathDirectories(String name, ClassLoader loader) {
        List<Path> directories = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(name);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalArgumentException(
                            "histories must be a directory on the classpath, not in a" + " jar: " + url);
                }
                directories.add(Path.of(url.toURI()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + name + " on the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot read the classpath directory " + name, e);
        }
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("no directory " + name + " on the classpath (put the recorded"
                    + " histories under src/test/resources/" + name + ")");
        }
        return directories;
    }

    private static void requireClasses(Class<?>... workflowImplementationClasses) {
        if (workflowImplementationClasses.length == 0) {
            throw new IllegalArgumentException(
                    "give the workflow implementation classes the histories are replayed" + " against");
        }
    }
}
