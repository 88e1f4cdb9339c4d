package io.perdura.sdk.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perdura.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A scripted stand-in for the frontend on a JDK HTTP server: each test routes {@code METHOD path}
 * to an answer and reads back the requests it received.
 */
public final class FakeFrontend implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String query, JsonNode body) {}

    /** One answer: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer json(int status, Object body) {
            return new Answer(status, "application/json", Json.writeBytes(body));
        }

        public static Answer empty(int status) {
            return new Answer(status, null, new byte[0]);
        }

        public static Answer problem(int status, String slug, String detail) {
            String body = "{\"type\":\"https://perdura.io/problems/" + slug + "\",\"title\":\"t\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}";
            return new Answer(status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A route that gives {@code answers} one per request, in turn, and then the last one again and again. */
    public static Function<Request, Answer> inTurn(Answer... answers) {
        AtomicInteger next = new AtomicInteger();
        return request -> answers[Math.min(next.getAndIncrement(), answers.length - 1)];
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeFrontend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String target() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Routes {@code method} on an exact path (without query) to {@code answer}. */
    public FakeFrontend route(String method, String path, Function<Request, Answer> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A worker's own sticky queue ({@code <identity>:<uuid>}, ADR 28) that no test routes. */
    private static boolean isStickyQueue(String path) {
        int at = path.indexOf("/task-queues/");
        return at >= 0 && path.indexOf("%3A", at) > 0 && path.indexOf("%3A", at) < path.indexOf('/', at + 13);
    }

    /** An unrouted sticky queue has no task: its polls wait a little and come back empty. */
    private static Answer idleStickyQueue() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Answer.empty(204);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : Json.read(raw, JsonNode.class);
            String path = exchange.getRequestURI().getRawPath();
            Request request = new Request(
                    exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body);
            requests.add(request);
            Function<Request, Answer> route = routes.get(request.method() + " " + path);
            Answer answer = route != null
                    ? route.apply(request)
                    : isStickyQueue(path) ? idleStickyQueue() : Answer.problem(404, "not-found", "no route " + path);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
