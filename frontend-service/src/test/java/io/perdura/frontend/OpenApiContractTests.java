package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed {@code openapi/perdura-api.json} is the contract: it must equal what the running
 * frontend serves at {@code /v3/api-docs}. After an intended API change, regenerate the copy with
 * {@code ./mvnw -pl frontend-service test -Dtest=OpenApiContractTests -Dopenapi.update=true} and
 * review the diff.
 */
class OpenApiContractTests extends FrontendWebTestSupport {

    private static final JsonMapper PRETTY = Json.mapper()
            .rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private static Path committedCopy() {
        String configured = System.getProperty("openapi.file");
        return Path.of(configured != null ? configured : "../openapi/perdura-api.json");
    }

    @Test
    void servedDocumentEqualsTheCommittedContract() throws IOException {
        Response response = get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode served = response.json();
        Path copy = committedCopy();

        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(copy.toAbsolutePath().getParent());
            Files.writeString(copy, PRETTY.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }

        assertThat(copy)
                .as("committed OpenAPI copy; create it with -Dopenapi.update=true")
                .exists();
        JsonNode committed = Json.mapper().readTree(Files.readString(copy, StandardCharsets.UTF_8));
        assertThat(served)
                .as("/v3/api-docs differs from %s; if the change is intended, rerun with -Dopenapi.update=true", copy)
                .isEqualTo(committed);
    }

    @Test
    void documentDescribesThePerduraApi() {
        JsonNode document = get("/v3/api-docs").json();

        assertThat(document.path("info").path("title").asString()).isEqualTo("Perdura API");
        JsonNode poll = document.path("paths")
                .path("/api/v1/namespaces/{namespace}/task-queues/{taskQueue}/workflow-tasks/poll")
                .path("post");
        assertThat(poll.path("responses").has("204")).isTrue();
        JsonNode start = document.path("paths")
                .path("/api/v1/namespaces/{namespace}/workflows/{workflowId}")
                .path("post");
        assertThat(start.path("responses").path("409").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        Response response = get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
        assertThat(get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
