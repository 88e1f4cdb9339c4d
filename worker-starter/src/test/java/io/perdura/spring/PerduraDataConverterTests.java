package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.converter.DefaultDataConverter;
import io.perdura.sdk.common.converter.JacksonJsonPayloadConverter;
import io.perdura.sdk.common.converter.PayloadConverter;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/** Which {@link DataConverter} the client and the workers use, and that workflow code goes through it. */
class PerduraDataConverterTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9");

    /** Strings as {@code "enc:" + s}, read back without the prefix; everything else as JSON. */
    static final class PrefixingPayloadConverter implements PayloadConverter {
        @Override
        public JsonNode toPayload(Object value) {
            return value instanceof String s
                    ? StringNode.valueOf("enc:" + s)
                    : JacksonJsonPayloadConverter.getDefaultInstance().toPayload(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType) {
            return valueClass == String.class
                    ? (T) payload.asString().replaceFirst("^enc:", "")
                    : JacksonJsonPayloadConverter.getDefaultInstance().fromPayload(payload, valueClass, valueType);
        }
    }

    @Test
    void byDefaultTheClientUsesTheStandardConverter() {
        runner.run(context -> {
            assertThat(context.getBean(DataConverter.class)).isSameAs(DataConverter.getDefaultInstance());
            assertThat(context.getBean(WorkflowClient.class).getOptions().getDataConverter())
                    .isSameAs(DataConverter.getDefaultInstance());
        });
    }

    @Test
    void aDataConverterBeanIsTheClientsConverter() {
        DataConverter own = new DefaultDataConverter(new PrefixingPayloadConverter());
        runner.withBean(DataConverter.class, () -> own)
                .run(context -> assertThat(context.getBean(WorkflowClient.class)
                                .getOptions()
                                .getDataConverter())
                        .isSameAs(own));
    }

    @Test
    void aPayloadConverterBeanReplacesTheJsonOne() {
        PayloadConverter own = new PrefixingPayloadConverter();
        runner.withBean(PayloadConverter.class, () -> own)
                .run(context -> assertThat(context.getBean(WorkflowClient.class)
                                .getOptions()
                                .getDataConverter())
                        .isInstanceOfSatisfying(
                                DefaultDataConverter.class,
                                converter -> assertThat(converter.getPayloadConverter())
                                        .isSameAs(own)));
    }

    @Test
    void theApplicationsJsonMapperIsUsedWhenAskedFor() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("perdura.data-converter.use-application-json-mapper=true")
                .run(context -> {
                    JsonMapper applications = context.getBean(JsonMapper.class);
                    assertThat(applications).isNotSameAs(Json.mapper());
                    assertThat(context.getBean(WorkflowClient.class)
                                    .getOptions()
                                    .getDataConverter())
                            .isInstanceOfSatisfying(
                                    DefaultDataConverter.class,
                                    converter -> assertThat(
                                                    ((JacksonJsonPayloadConverter) converter.getPayloadConverter())
                                                            .getMapper())
                                            .isSameAs(applications));
                });
    }

    @Test
    void askingForTheApplicationsJsonMapperWithoutOneFailsTheStart() {
        runner.withPropertyValues("perdura.data-converter.use-application-json-mapper=true")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("no single JsonMapper bean"));
    }

    @Test
    void theWorkersRunWorkflowCodeThroughTheConverterBean() throws Exception {
        try (FakePerduraServer server = new FakePerduraServer()) {
            server.offerWorkflowTask(echoTask());
            runner.withUserConfiguration(EchoBeans.class)
                    .withBean(PayloadConverter.class, PrefixingPayloadConverter::new)
                    .withPropertyValues("perdura.target=" + server.target(), "perdura.worker.workflow-pollers=1")
                    .run(context -> {
                        await().atMost(Duration.ofSeconds(10))
                                .until(() -> !server.requests("/workflow-tasks/complete")
                                        .isEmpty());
                        JsonNode command = server.requests("/workflow-tasks/complete")
                                .getFirst()
                                .body()
                                .get("commands")
                                .get(0);
                        assertThat(command.get("commandType").asString()).isEqualTo("CompleteWorkflowExecution");
                        // read "hi" (not "enc:hi"), returned "<hi>", written "enc:<hi>"
                        assertThat(command.get("result").asString()).isEqualTo("enc:<hi>");
                    });
        }
    }

    private static WorkflowTask echoTask() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String token =
                new TaskToken(TaskToken.Kind.WORKFLOW, "default", "wf-1", "run-1", "echo", 2, 3, 1, null).encode();
        return new WorkflowTask(
                token,
                "wf-1",
                "run-1",
                "Echo",
                1,
                List.of(
                        new HistoryEvent(
                                1,
                                t,
                                new EventAttributes.WorkflowExecutionStarted(
                                        "Echo", "echo", Json.array("enc:hi"), null, null, null, "req", "client")),
                        new HistoryEvent(2, t, new EventAttributes.WorkflowTaskScheduled("echo", null, 1)),
                        new HistoryEvent(3, t, new EventAttributes.WorkflowTaskStarted(2, "worker", "p1"))),
                null);
    }

    @WorkflowInterface
    public interface Echo {
        @WorkflowMethod(name = "Echo")
        String echo(String text);
    }

    @WorkflowImpl(taskQueue = "echo")
    public static class EchoImpl implements Echo {
        @Override
        public String echo(String text) {
            return "<" + text + ">";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(EchoImpl.class)
    static class EchoBeans {}
}
