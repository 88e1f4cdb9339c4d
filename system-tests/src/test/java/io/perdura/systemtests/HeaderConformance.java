package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.samples.hello.GreetingsActivities;
import io.perdura.samples.hello.HelloWorkflow;
import io.perdura.samples.parent.ParentWorkflow;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import io.perdura.sdk.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Headers end to end (ADR 26): a start's header through REST is recorded and reaches the workflow's
 * interceptor, which passes it on to the activities and children it starts; their events record it
 * and the child's workflow and the activities see it; a header that is not an object is refused, on
 * a start and on a signal.
 */
interface HeaderConformance extends Conformance {

    /** Passes the start header's {@code tenant} on to activities and children; records what each side saw. */
    final class Relay implements WorkerInterceptor {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                private String tenant;

                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                        @Override
                        public ActivityOutput executeActivity(ActivityInput input) {
                            input.header().put("tenant", tenant);
                            return super.executeActivity(input);
                        }

                        @Override
                        public ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input) {
                            input.header().put("tenant", tenant);
                            return super.executeChildWorkflow(input);
                        }
                    });
                }

                @Override
                public WorkflowOutput execute(WorkflowInput input) {
                    tenant = input.header().getString("tenant");
                    if (!Workflow.isReplaying()) {
                        seen.add("workflow " + Workflow.getInfo().getWorkflowType() + ": " + tenant);
                    }
                    return super.execute(input);
                }
            };
        }

        @Override
        public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
            return new ActivityInboundCallsInterceptorBase(next) {
                @Override
                public ActivityOutput execute(ActivityInput input) {
                    seen.add("activity: " + input.header().getString("tenant"));
                    return super.execute(input);
                }
            };
        }
    }

    private WorkerFactory startRelayWorker(Relay relay) {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(server().url())
                .setNamespace("default")
                .build());
        WorkerFactory factory = WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder().setWorkerInterceptors(relay).build());
        Worker worker = factory.newWorker(queue());
        worker.registerWorkflowImplementationTypes(HelloWorkflow.class, ParentWorkflow.class);
        worker.registerActivitiesImplementations(new GreetingsActivities());
        factory.start();
        return factory;
    }

    private JsonNode events(String workflowId) {
        return api().get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events");
    }

    private static JsonNode first(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (event.get("eventType").asString().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + events);
    }

    @Test
    default void aStartHeaderReachesTheWorkflowItsActivitiesAndItsChildren() {
        Relay relay = new Relay();
        WorkerFactory factory = startRelayWorker(relay);
        try {
            String id = Conformance.id("header-parent");
            RestApi.Response started = api().post(
                            NS + "/workflows/" + id,
                            "{\"workflowType\":\"Parent\",\"taskQueue\":\"" + queue()
                                    + "\",\"input\":[1],\"header\":{\"tenant\":\"acme\"}}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);

            assertThat(result(id).get("status").asString()).isEqualTo("COMPLETED");
            String headerJson = "{\"tenant\":\"acme\"}";
            assertThat(first(events(id), "WorkflowExecutionStarted").toString()).contains(headerJson);
            assertThat(first(events(id), "StartChildWorkflowExecutionInitiated").toString())
                    .contains(headerJson);
            String childId = id + "-child-1";
            assertThat(first(events(childId), "WorkflowExecutionStarted").toString())
                    .contains(headerJson);
            assertThat(first(events(childId), "ActivityTaskScheduled").toString())
                    .contains(headerJson);
            assertThat(relay.seen)
                    .containsExactlyInAnyOrder("workflow Parent: acme", "workflow Hello: acme", "activity: acme");
        } finally {
            factory.shutdownNow();
            factory.awaitTermination(Duration.ofSeconds(10));
        }
    }

    @Test
    default void aHeaderThatIsNotAnObjectIsRefused() {
        RestApi.Response response = api().post(
                        NS + "/workflows/" + Conformance.id("bad-header"),
                        "{\"workflowType\":\"Hello\",\"taskQueue\":\"" + queue() + "\",\"input\":[],\"header\":[1]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body()).contains("header must be a JSON object");
        RestApi.Response signal = api().post(
                        NS + "/workflows/" + Conformance.id("bad-signal-header") + "/signal/poke",
                        "{\"input\":[],\"header\":\"tenant\"}");
        assertThat(signal.status()).as(signal.body()).isEqualTo(400);
    }
}
