package io.perdura.testing;

import io.perdura.sdk.internal.replay.WorkflowDefinition;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs a {@link ReplayTest} method once per recorded history, replaying it before the method runs. */
final class ReplayTestExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, ReplayTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ReplayTest replayTest = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ReplayTest.class)
                .orElseThrow();
        Class<?>[] workflows = replayTest.workflows();
        if (workflows.length == 0) {
            throw new IllegalArgumentException("@ReplayTest needs workflows = {…}");
        }
        Map<String, WorkflowDefinition> definitions =
                WorkflowReplayer.definitions(workflows[0], Arrays.copyOfRange(workflows, 1, workflows.length));
        List<Path> directories = ReplayGate.classpathDirectories(
                replayTest.histories(), context.getRequiredTestClass().getClassLoader());
        return directories.stream()
                .flatMap(directory -> WorkflowReplayer.historyFiles(directory).stream()
                        .map(file ->
                                new HistoryInvocation(directory.relativize(file).toString(), file, definitions)));
    }

    private record HistoryInvocation(String name, Path file, Map<String, WorkflowDefinition> definitions)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return name.replace('\\', '/');
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(
                    (BeforeTestExecutionCallback)
                            context -> WorkflowReplayer.replay(RecordedHistory.read(file), definitions),
                    new ParameterResolver() {
                        @Override
                        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                            return parameter.getParameter().getType() == Path.class;
                        }

                        @Override
                        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                            return file;
                        }
                    });
        }
    }
}
