package io.perdura.sdk.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.worker.SandboxFinding;
import io.perdura.sdk.worker.SandboxMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every snippet of the catalogue is caught by the real bytecode analysis, with its kind, call, place and fix. */
class SandboxCatalogueTests {

    private static final String PACKAGE = "io.perdura.sdk.internal.sandbox.";
    private static final List<String> SOURCE = source("NonDeterministicSnippets.java");

    private final Sandbox sandbox = new Sandbox(SandboxMode.STRICT, List.of());

    static Stream<Class<?>> catalogue() {
        return Arrays.stream(NonDeterministicSnippets.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Expect.class));
    }

    static Stream<Class<?>> clean() {
        return Arrays.stream(DeterministicSnippets.class.getDeclaredClasses())
                .filter(DeterministicSnippets.Clean.class::isAssignableFrom)
                .filter(c -> !c.isInterface());
    }

    @Test
    void theCatalogueHoldsAtLeastThirtySnippets() {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachSnippetIsCaughtWithItsKindCallLocationAndReplacement(Class<?> snippet) {
        Expect expect = snippet.getAnnotation(Expect.class);
        String className = expect.in().isEmpty() ? snippet.getName() : PACKAGE + expect.in();
        int line = markedLine(snippet.getSimpleName());

        List<SandboxFinding> findings = sandbox.analyse(snippet);

        assertThat(findings).as("findings of %s", snippet.getSimpleName()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(expect.kind());
            assertThat(f.call()).isEqualTo(expect.call());
            assertThat(f.className()).isEqualTo(className);
            assertThat(f.methodName()).isEqualTo(expect.method());
            assertThat(f.line()).isEqualTo(line);
            assertThat(f.sourceFile()).isEqualTo("NonDeterministicSnippets.java");
            assertThat(f.replacement()).contains(expect.replacement());
            assertThat(f.toString())
                    .startsWith("[" + expect.kind() + "] " + className + "." + expect.method()
                            + "(NonDeterministicSnippets.java:" + line + "): " + expect.call() + "; use ");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void deterministicCodeIsNotFlagged(Class<?> snippet) {
        assertThat(sandbox.analyse(snippet)).isEmpty();
    }

    @Test
    void theSdkAndLibrariesAreNotRead() {
        // a clean workflow reaches Workflow, SLF4J and the JDK: none of their code is read
        assertThat(new ClassScope(DeterministicSnippets.Logs.class).isApp("io/perdura/sdk/workflow/Workflow"))
                .isFalse();
        assertThat(new ClassScope(DeterministicSnippets.Logs.class).isApp("org/slf4j/LoggerFactory"))
                .isFalse();
        assertThat(new ClassScope(DeterministicSnippets.Logs.class).isApp("java/util/HashMap"))
                .isFalse();
        assertThat(new ClassScope(DeterministicSnippets.Logs.class)
                        .isApp("io/perdura/sdk/internal/sandbox/NonDeterministicSnippets$Helpers"))
                .isTrue();
    }

    private static int markedLine(String snippet) {
        String marker = "// flagged: " + snippet;
        for (int i = 0; i < SOURCE.size(); i++) {
            if (SOURCE.get(i).strip().endsWith(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked '" + marker + "'");
    }

    private static List<String> source(String file) {
        try {
            return Files.readAllLines(Path.of("src/test/java/io/perdura/sdk/internal/sandbox", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
