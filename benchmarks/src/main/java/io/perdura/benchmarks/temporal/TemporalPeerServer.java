package io.perdura.benchmarks.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The peer's counterpart of {@code perdura-dev-server.jar --samples}: Temporal's in-memory test
 * server bound to a port, and in the same JVM a Temporal SDK worker with the {@link PeerWorkflows},
 * which reaches the server over loopback gRPC as the dev server's samples worker reaches its own
 * HTTP port. Time skipping is locked: timers take real time, as Perdura's do. Every option is the
 * SDK's default. Runs until the process is stopped.
 */
public final class TemporalPeerServer {

    private TemporalPeerServer() {}

    /** Starts the server and the worker, prints one {@code ready} line, and blocks until the JVM stops. */
    public static void run(int port, String taskQueue) throws InterruptedException {
        AutoCloseable peer = start(port, taskQueue);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(peer);
            stopped.countDown();
        }));
        System.out.printf(
                "temporal peer ready: test server and worker (task queue %s) on 127.0.0.1:%d, pid %d%n",
                taskQueue, port, ProcessHandle.current().pid());
        stopped.await();
    }

    /** Starts the server and the worker in this JVM; closing the answer stops both. */
    public static AutoCloseable start(int port, String taskQueue) {
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port)
                .build());
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        Worker worker = factory.newWorker(taskQueue);
        worker.registerWorkflowImplementationTypes(PeerWorkflows.IMPLEMENTATIONS);
        worker.registerActivitiesImplementations(new PeerWorkflows.PeerActivitiesImpl());
        factory.start();
        return () -> {
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
            service.shutdownNow();
            server.close();
        };
    }

    private static void close(AutoCloseable peer) {
        try {
            peer.close();
        } catch (Exception e) {
            System.err.println("temporal peer did not stop cleanly: " + e);
        }
    }
}
