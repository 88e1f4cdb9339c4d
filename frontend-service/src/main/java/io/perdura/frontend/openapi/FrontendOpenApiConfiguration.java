package io.perdura.frontend.openapi;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventType;
import io.perdura.frontend.validation.Validate;
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
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    static final String ANY_JSON_VALUE = "Any JSON value";

    /** Path and query parameters that are names, limited like {@link Validate#name}. */
    private static final Set<String> NAME_PARAMETERS = Set.of(
            "namespace", "workflowId", "runId", "taskQueue", "signalName", "queryType", "updateName", "workflowType");

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
                .replaceWithSchema(JsonNode.class, anyJsonValue());
    }

    @Bean
    OpenAPI perduraOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Perdura API")
                        .version("v1")
                        .description("Durable execution for the JVM: the control plane (start, describe, wait for,"
                                + " signal, query, update, terminate and list workflows) and the worker API (poll and answer"
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
            ApiResponse noContent = responses.get("204");
            if (noContent != null) {
                noContent.setContent(null);
            }
            ApiResponses sorted = new ApiResponses();
            responses.forEach(sorted::addApiResponse);
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(FrontendOpenApiConfiguration::constrain);
            }
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
            untypePayloads(openApi);
            SchemaDocs.apply(openApi);
            describeEventType(openApi);
        };
    }

    /** Documents the limits {@link Validate} enforces on names and page sizes. */
    private static void constrain(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (schema == null) {
            return;
        }
        if (NAME_PARAMETERS.contains(parameter.getName())) {
            schema.minLength(1).maxLength(Validate.MAX_NAME_LENGTH);
        } else if ("pageSize".equals(parameter.getName())) {
            schema.minimum(BigDecimal.valueOf(Validate.MIN_PAGE_SIZE))
                    .maximum(BigDecimal.valueOf(Validate.MAX_PAGE_SIZE));
        }
    }

    /** {@link HistoryEvent} names the type of its attributes in {@code eventType}, beside them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeEventType(OpenAPI openApi) {
        Schema event =
                openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                        ? null
                        : openApi.getComponents().getSchemas().get("HistoryEvent");
        if (event == null || event.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        event.getProperties().forEach((name, property) -> {
            properties.put((String) name, (Schema) property);
            if ("eventTime".equals(name)) {
                properties.put(
                        "eventType",
                        new StringSchema()
                                ._enum(Arrays.stream(EventType.values())
                                        .map(Enum::name)
                                        .toList())
                                .description("The kind of event; names the schema of `attributes`"));
            }
        });
        event.setProperties(properties);
        event.setRequired(List.of("eventId", "eventTime", "eventType", "attributes"));
    }

    private static void addProblem(Map<Integer, List<String>> problems, ErrorType type, String when) {
        problems.computeIfAbsent(type.httpStatus(), status -> new ArrayList<>()).add("`" + type.slug() + "`: " + when);
    }

    private static Schema<?> anyJsonValue() {
        return new Schema<>().description(ANY_JSON_VALUE);
    }

    /**
     * Springdoc types every untyped schema {@code object}; payloads are any JSON value (an array of
     * arguments, a string result …), which OpenAPI 3.1 writes as a schema without a type.
     */
    @SuppressWarnings("rawtypes")
    private static void untypePayloads(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            List<Schema> parts = new ArrayList<>();
            parts.add(schema);
            if (schema.getAllOf() != null) {
                parts.addAll(schema.getAllOf());
            }
            for (Schema<?> part : parts) {
                if (part.getProperties() == null) {
                    continue;
                }
                for (Schema<?> property : part.getProperties().values()) {
                    if (ANY_JSON_VALUE.equals(property.getDescription())) {
                        property.setType(null);
                        property.setTypes(null);
                    }
                }
            }
        }
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
