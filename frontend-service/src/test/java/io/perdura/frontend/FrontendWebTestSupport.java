package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Runs the frontend on a random port with a real in-JVM bus and fake history and matching, and
 * talks to it over HTTP. Every web test class extends this, so they share one application context.
 */
@SpringBootTest(
        classes = {FrontendServiceApplication.class, FrontendTestConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.threads.virtual.enabled=true",
            "perdura.frontend.long-poll-timeout=300ms",
            "perdura.frontend.request-timeout=1s",
            "perdura.frontend.timeout-margin=1s",
            "perdura.frontend.result-wait-max=5s"
        })
abstract class FrontendWebTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    FakeHistory history;

    @Autowired
    FakeMatching matching;

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder);
    }

    Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Asserts {@code response} is a problem of the given kind, and returns its body. */
    static JsonNode assertProblem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://perdura.io/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "trace");
        return problem;
    }

    /** What came back: status, content type, Location header and body. */
    record Response(int status, String contentType, String location, String body) {
        JsonNode json() {
            return Json.mapper().readTree(body);
        }
    }
}
