package io.perdura.benchmarks;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Temporal through its Java SDK's client, over gRPC to the peer server ({@code temporal-server}). */
final class TemporalPeer implements Peer {

    private final WorkflowServiceStubs service;
    private final WorkflowClient client;

    TemporalPeer(String target, String namespace) {
        this.service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        this.client = WorkflowClient.newInstance(
                service,
                WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    }

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public Run start(String workflowType, String workflowId, String taskQueue, Object... args) {
        WorkflowStub stub = client.newUntypedWorkflowStub(
                workflowType,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(taskQueue)
                        .build());
        stub.start(args);
        return new Run() {
            @Override
            public void signal(String signalName, Object arg) {
                stub.signal(signalName, arg);
            }

            @Override
            public Object result(Duration timeout) {
                try {
                    return stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, Object.class);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("no result after " + timeout, e);
                }
            }
        };
    }

    @Override
    public long historyLength(String workflowId) {
        return client.fetchHistory(workflowId).getEvents().size();
    }

    @Override
    public void close() {
        service.shutdown();
        service.awaitTermination(5, TimeUnit.SECONDS);
    }
}
