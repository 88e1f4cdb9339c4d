package io.perdura.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources of the test class path by the module they come from: a Perdura module (its jar, or its
 * {@code target/classes} in a reactor build) or {@link #LIBRARIES} for every other jar (Spring Boot's own).
 */
final class ModuleResources {

    /** The origin of every resource that no Perdura module holds. */
    static final String LIBRARIES = "libraries";

    private static final List<String> PERDURA_MODULES = List.of(
            "common",
            "kafka-local",
            "messaging-kafka",
            "worker-sdk",
            "history-service",
            "matching-service",
            "frontend-service",
            "worker-starter",
            "samples",
            "dev-server");

    private ModuleResources() {}

    /** Every copy of a resource on the class path, by origin. */
    static Map<String, List<URL>> find(String name) {
        Map<String, List<URL>> byOrigin = new LinkedHashMap<>();
        try {
            for (URL url :
                    Collections.list(ModuleResources.class.getClassLoader().getResources(name))) {
                byOrigin.computeIfAbsent(originOf(url), origin -> new ArrayList<>())
                        .add(url);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byOrigin;
    }

    /** The Perdura module a resource comes from, or {@link #LIBRARIES}. */
    static String originOf(URL url) {
        String location = url.toString();
        for (String module : PERDURA_MODULES) {
            if (location.contains("/perdura-" + module + "-") || location.contains("/" + module + "/target/classes/")) {
                return module;
            }
        }
        return LIBRARIES;
    }
}
