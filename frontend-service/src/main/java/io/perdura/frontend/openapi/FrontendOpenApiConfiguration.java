package io.perdura.frontend.openapi;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.error.ErrorType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document of the REST API: info, the shared {@code Problem} schema, the problem
 * responses of each operation, and the JSON forms of durations and payloads.
 */
@Configuration(proxyBeanMethods = false)
class FrontendOpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** Problems every operation may answer with. */
    private static final Map<ErrorType, String> COMMON_PROBLEMS = Map.of(
            ErrorType.INVALID_ARGUMENT, "a parameter or the body is missing or malformed",
            ErrorType.INTERNAL, "the server failed",
            ErrorType.TIMEOUT, "history or matching did not answer in time; retry");

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        Duration.class,
                        new StringSchema()
                                .description("A duration: `500ms`, `10s`, `1.5s`, `2m`, `1h`, `1d` or ISO-8601 `PT10S`")
                                .example("10s"))
                .replaceWithSchema(JsonNode.class, new Schema<>().description("Any JSON value"));
    }

    @Bean
    OpenAPI perduraOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Perdura API")
                        .version("v1")
                        .description("Durable execution for the JVM: the control plane (start, describe, wait for,"
                                + " signal, query, terminate and list workflows) and the worker API (poll and answer"
                                + " workflow, activity and query tasks). Errors are RFC 9457 problem+json documents"
                                + " whose `type` identifies the kind of error.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("http://localhost:7233").description("Dev server (default port)")))
                .components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    /** Adds the problem responses of each operation, and orders its responses by status code. */
    @Bean
    OperationCustomizer perduraProblemResponses() {
        return (operation, handlerMethod) -> {
            Map<Integer, List<String>> problems = new TreeMap<>();
            for (ProblemResponse problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(
                    handlerMethod.getMethod(), ProblemResponse.class)) {
                addProblem(problems, problem.value(), problem.when());
            }
            COMMON_PROBLEMS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> addProblem(problems, entry.getKey(), entry.getValue()));
            Map<String, ApiResponse> responses =
                    new TreeMap<>(operation.getResponses() == null ? Map.of() : operation.getResponses());
            problems.forEach((status, descriptions) -> responses.put(
                    String.valueOf(status),
                    new ApiResponse()
                            .description(String.join("; ", descriptions))
                            .content(new Content()
                                    .addMediaType(
                                            PROBLEM_MEDIA_TYPE,
                                            new MediaType()
                                                    .schema(new Schema<>()
                                                            .$ref("#/components/schemas/" + PROBLEM_SCHEMA))))));
            ApiResponses sorted = new ApiResponses();
            responses.forEach(sorted::addApiResponse);
            return operation.responses(sorted);
        };
    }

    /** Keeps the document to Perdura's API, whatever else shares the application context. */
    @Bean
    OpenApiCustomizer perduraApiPathsOnly() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> !path.startsWith(ApiPaths.BASE + "/"));
            }
        };
    }

    private static void addProblem(Map<Integer, List<String>> problems, ErrorType type, String when) {
        problems.computeIfAbsent(type.httpStatus(), status -> new ArrayList<>()).add("`" + type.slug() + "`: " + when);
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("The kind of error, e.g. https://perdura.io/problems/not-found")
                        .example(ErrorType.NOT_FOUND.typeUri()));
        properties.put("title", new StringSchema().description("Short summary of the kind of error"));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("What went wrong with this request"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The path of the request"));
        return new ObjectSchema()
                .description("An RFC 9457 problem: every error the API reports")
                .properties(properties)
                .required(List.of("type", "title", "status"));
    }
}
