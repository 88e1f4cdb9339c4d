package io.perdura.messaging.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How each service of the cluster starts as its own process: the defaults every one shares (virtual
 * request threads, Actuator health with liveness and readiness groups that include the components
 * it depends on, Prometheus metrics), its name and port; command line, environment and
 * configuration files override them.
 */
public final class ClusterServices {

    private ClusterServices() {}

    /**
     * Runs {@code application} as service {@code name} on {@code port}; {@code dependencies} are the
     * health components (e.g. {@code db}, {@code kafka}) that must be UP for it to be live and ready.
     */
    public static ConfigurableApplicationContext run(
            Class<?> application, String name, int port, List<String> dependencies, String... args) {
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(defaults(name, port, dependencies));
        return spring.run(args);
    }

    /** The shared defaults, for tests that start a service the way its main method does. */
    public static Map<String, Object> defaults(String name, int port, List<String> dependencies) {
        String components = String.join(",", dependencies);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.application.name", name);
        defaults.put("server.port", port);
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "24");
        defaults.put("spring.datasource.hikari.connection-timeout", "5000");
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put(
                "management.endpoint.health.group.liveness.include",
                components.isEmpty() ? "livenessState" : "livenessState," + components);
        defaults.put(
                "management.endpoint.health.group.readiness.include",
                components.isEmpty() ? "readinessState" : "readinessState," + components);
        defaults.put("logging.level.org.apache.kafka", "WARN");
        defaults.put("logging.level.org.flywaydb", "WARN");
        defaults.put("logging.level.com.zaxxer.hikari", "WARN");
        return defaults;
    }
}
