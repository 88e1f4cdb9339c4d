package io.perdura.spring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perdura.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the Perdura frontend: polls get the tasks queued with {@link #offerWorkflowTask}
 * (or, after a short wait, no task: 204), every other call 204; the requests are kept.
 */
final class FakePerduraServer implements AutoCloseable {

    record Request(String path, JsonNode body) {}

    private final HttpServer server;
    private final Queue<Object> workflowTasks = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakePerduraServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String target() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void offerWorkflowTask(Object task) {
        workflowTasks.add(task);
    }

    List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(path, raw.length == 0 ? null : Json.read(raw, JsonNode.class)));
            Object task = path.endsWith("/workflow-tasks/poll") ? workflowTasks.poll() : null;
            if (task == null) {
                if (path.endsWith("/poll")) {
                    sleep();
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = Json.writeBytes(task);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A short long poll, so that idle pollers do not spin. */
    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
