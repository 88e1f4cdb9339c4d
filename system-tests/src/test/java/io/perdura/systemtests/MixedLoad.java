package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The fault tests' load: {@code hellos} one-activity workflows and {@code reminders} Reminder
 * workflows (a durable timer, then an activity) on the samples' task queue, started through REST the
 * way a client does — retrying a failed start with the same requestId, which makes the retry
 * harmless. Then waits for every result and checks every history.
 */
final class MixedLoad {

    static final String NS = "/api/v1/namespaces/default";

    private final String prefix = "load-" + UUID.randomUUID().toString().substring(0, 8);
    private final int hellos;
    private final int reminders;
    private final List<String> ids = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger startRetries = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> starting = new ArrayList<>();

    MixedLoad(int hellos, int reminders) {
        this.hellos = hellos;
        this.reminders = reminders;
        for (int i = 0; i < hellos + reminders; i++) {
            ids.add(prefix + "-" + i);
        }
    }

    /** Starts every workflow from 32 concurrent clients, without waiting. */
    void start(String url) {
        Semaphore concurrency = new Semaphore(32);
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            starting.add(threads.submit(() -> {
                concurrency.acquireUninterruptibly();
                try {
                    startOne(new RestApi(url), index);
                } finally {
                    concurrency.release();
                }
            }));
        }
    }

    int started() {
        return started.get();
    }

    /** How many of this load's workflows completed, counted through the list API; -1 when it fails. */
    int completed(RestApi api) {
        int count = 0;
        String token = null;
        do {
            RestApi.Response page = api.get(NS + "/workflows?status=COMPLETED&pageSize=1000"
                    + (token == null ? "" : "&nextPageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            if (page.status() != 200) {
                return -1;
            }
            JsonNode json = page.json();
            for (JsonNode execution : json.get("executions")) {
                if (execution.get("workflowId").asString().startsWith(prefix)) {
                    count++;
                }
            }
            token = json.has("nextPageToken") && !json.get("nextPageToken").isNull()
                    ? json.get("nextPageToken").asString()
                    : null;
        } while (token != null);
        return count;
    }

    /** Waits until at least {@code count} workflows have completed. */
    void awaitCompleted(RestApi api, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int completed = 0;
        while (Instant.now().isBefore(deadline)) {
            try {
                completed = completed(api);
            } catch (IllegalStateException unreachable) {
                completed = -1;
            }
            if (completed >= count) {
                return;
            }
            sleep(1000);
        }
        throw new AssertionError("only " + completed + " of " + count + " workflows completed within " + timeout);
    }

    /**
     * Waits for every workflow's result and checks it: the exact count completed with the expected
     * result; event ids 1..n without gap or duplicate; each activity scheduled once and completed
     * once.
     */
    void verify(String url, Duration timeout) throws Exception {
        for (Future<?> start : starting) {
            start.get();
        }
        assertThat(started.get()).isEqualTo(ids.size());
        RestApi api = new RestApi(url);
        awaitCompleted(api, ids.size(), timeout);
        AtomicInteger completed = new AtomicInteger();
        List<Future<?>> checks = new ArrayList<>();
        Semaphore concurrency = new Semaphore(16);
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            checks.add(threads.submit(() -> {
                concurrency.acquireUninterruptibly();
                try {
                    checkOne(api, index);
                    completed.incrementAndGet();
                } finally {
                    concurrency.release();
                }
                return null;
            }));
        }
        for (Future<?> check : checks) {
            check.get();
        }
        assertThat(completed.get()).isEqualTo(hellos + reminders);
    }

    private void startOne(RestApi api, int index) {
        String id = ids.get(index);
        String body = index < hellos
                ? "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"input\":[\"" + id + "\"],\"requestId\":\""
                        + id + "\"}"
                : "{\"workflowType\":\"Reminder\",\"taskQueue\":\"samples\",\"input\":[\"" + id
                        + "\",3],\"requestId\":\"" + id + "\"}";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            RestApi.Response response;
            try {
                response = api.post(NS + "/workflows/" + id, body);
            } catch (IllegalStateException unreachable) {
                response = null;
            }
            if (response != null && response.status() == 201) {
                started.incrementAndGet();
                return;
            }
            if (response != null && response.status() < 500) {
                throw new AssertionError("start of " + id + " refused: " + response.status() + " " + response.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("start of " + id + " kept failing: "
                        + (response == null ? "unreachable" : response.status() + " " + response.body()));
            }
            startRetries.incrementAndGet();
            sleep(500);
        }
    }

    int startRetries() {
        return startRetries.get();
    }

    private void checkOne(RestApi api, int index) {
        String id = ids.get(index);
        RestApi.Response result = api.get(NS + "/workflows/" + id + "/result?wait=1s");
        assertThat(result.status()).as("%s: %s", id, result.body()).isEqualTo(200);
        assertThat(result.json().get("status").asString()).as(id).isEqualTo("COMPLETED");
        String expected = index < hellos ? "Hello, " + id + "!" : "Reminder: " + id;
        assertThat(result.json().get("result").asString()).as(id).isEqualTo(expected);

        RestApi.Response history = api.get(NS + "/workflows/" + id + "/history?pageSize=1000");
        assertThat(history.status()).as(id).isEqualTo(200);
        long expectedEventId = 1;
        Map<Long, Integer> completions = new HashMap<>();
        List<Long> scheduled = new ArrayList<>();
        for (JsonNode event : history.json().get("events")) {
            assertThat(event.get("eventId").asLong())
                    .as("%s: event ids without gap or duplicate", id)
                    .isEqualTo(expectedEventId++);
            String type = event.get("eventType").asString();
            if (type.equals("ActivityTaskScheduled")) {
                scheduled.add(event.get("eventId").asLong());
            } else if (type.equals("ActivityTaskCompleted")) {
                completions.merge(
                        event.get("attributes").get("scheduledEventId").asLong(), 1, Integer::sum);
            }
        }
        assertThat(scheduled).as("%s: one activity", id).hasSize(1);
        assertThat(completions).as("%s: its completion recorded once", id).isEqualTo(Map.of(scheduled.getFirst(), 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
