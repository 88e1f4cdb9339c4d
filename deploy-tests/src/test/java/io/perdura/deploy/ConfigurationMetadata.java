package io.perdura.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties that the class path declares in {@code META-INF/spring-configuration-metadata.json}, by the
 * module that declares them, and the environment variables that set them in Spring Boot's relaxed binding.
 */
final class ConfigurationMetadata {

    /** Environment variables that a JVM or a container reads and that are no Spring property. */
    static final Set<String> NOT_PROPERTIES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ");

    private static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    private final Map<String, Set<String>> properties;
    private final Map<String, Set<String>> mapProperties;

    private ConfigurationMetadata(Map<String, Set<String>> properties, Map<String, Set<String>> mapProperties) {
        this.properties = properties;
        this.mapProperties = mapProperties;
    }

    /** Reads every metadata file of the class path. */
    static ConfigurationMetadata load() {
        Map<String, Set<String>> properties = new HashMap<>();
        Map<String, Set<String>> mapProperties = new HashMap<>();
        JsonMapper mapper = JsonMapper.builder().build();
        ModuleResources.find(RESOURCE).forEach((origin, urls) -> {
            for (URL url : urls) {
                for (JsonNode property : read(mapper, url).path("properties")) {
                    String name = property.path("name").asString();
                    properties.computeIfAbsent(origin, o -> new TreeSet<>()).add(name);
                    if (property.path("type").asString("").startsWith("java.util.Map<")) {
                        mapProperties
                                .computeIfAbsent(origin, o -> new TreeSet<>())
                                .add(name);
                    }
                }
            }
        });
        return new ConfigurationMetadata(properties, mapProperties);
    }

    /**
     * The environment variable of a property in Spring Boot's relaxed binding: dots become underscores,
     * dashes go, letters are upper case ({@code perdura.kafka.bootstrap-servers} is
     * {@code PERDURA_KAFKA_BOOTSTRAPSERVERS}).
     */
    static String environmentVariable(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** The properties that a Perdura module declares (none when it has no metadata). */
    Set<String> propertiesOf(String module) {
        return properties.getOrDefault(module, Set.of());
    }

    /**
     * Whether an environment variable sets a property of one of the given Perdura modules or of a library
     * (Spring Boot's own), or is one the JVM reads.
     */
    boolean knows(String environmentVariable, Collection<String> modules) {
        if (NOT_PROPERTIES.contains(environmentVariable)) {
            return true;
        }
        List<String> origins = new ArrayList<>(modules);
        origins.add(ModuleResources.LIBRARIES);
        Set<String> names = new HashSet<>();
        for (String origin : origins) {
            for (String property : properties.getOrDefault(origin, Set.of())) {
                names.add(environmentVariable(property));
            }
            for (String map : mapProperties.getOrDefault(origin, Set.of())) {
                if (environmentVariable.startsWith(environmentVariable(map) + "_")) {
                    return true;
                }
            }
        }
        return names.contains(environmentVariable);
    }

    private static JsonNode read(JsonMapper mapper, URL url) {
        try (InputStream in = url.openStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
