package io.perdura.benchmarks;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import java.time.Duration;

/** Perdura through its Java client ({@code worker-sdk}), over HTTP to a dev server or a cluster. */
final class PerduraPeer implements Peer {

    private final WorkflowClient client;

    PerduraPeer(String target, String namespace) {
        this.client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(target)
                .setNamespace(namespace)
                .build());
    }

    @Override
    public String name() {
        return "perdura";
    }

    @Override
    public Run start(String workflowType, String workflowId, String taskQueue, Object... args) {
        WorkflowStub stub = client.newUntypedWorkflowStub(
                workflowType,
                WorkflowOptions.builder()
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
                return stub.getResult(timeout, Object.class);
            }
        };
    }

    @Override
    public long historyLength(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId).describe().historyLength();
    }

    @Override
    public void close() {
        // the client holds no resource that outlives the JVM
    }
}
