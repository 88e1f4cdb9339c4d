package io.perdura.deploy;

import java.util.List;

/**
 * The four Perdura processes that are deployed: their name in {@code docker-compose.yml} and in the chart,
 * their Maven module, the modules whose properties they bind, their HTTP port and whether they use MySQL.
 */
enum Deployable {
    FRONTEND("frontend", "frontend-service", List.of("frontend-service", "messaging-kafka"), 7233, false),
    HISTORY("history", "history-service", List.of("history-service", "messaging-kafka"), 7234, true),
    MATCHING("matching", "matching-service", List.of("matching-service", "messaging-kafka"), 7235, true),
    SAMPLES_WORKER("samples-worker", "samples", List.of("samples", "worker-starter", "worker-sdk"), 0, false);

    /** The three services, without the samples' worker. */
    static final List<Deployable> SERVICES = List.of(FRONTEND, HISTORY, MATCHING);

    private final String component;
    private final String module;
    private final List<String> propertyModules;
    private final int port;
    private final boolean usesDatabase;

    Deployable(String component, String module, List<String> propertyModules, int port, boolean usesDatabase) {
        this.component = component;
        this.module = module;
        this.propertyModules = propertyModules;
        this.port = port;
        this.usesDatabase = usesDatabase;
    }

    /** Its service name in docker-compose.yml and its component name in the chart. */
    String component() {
        return component;
    }

    /** Its Maven module. */
    String module() {
        return module;
    }

    /** The Perdura modules whose {@code @ConfigurationProperties} the process binds. */
    List<String> propertyModules() {
        return propertyModules;
    }

    /** Its {@code server.port}: the REST API and the actuator; 0 for the samples' worker, which serves no HTTP. */
    int port() {
        return port;
    }

    /**
     * The port its main class starts the service on unless told otherwise: the {@code PORT}
     * constant its {@code main} passes to {@code ClusterServices.run} as {@code server.port}.
     */
    int defaultPort() {
        try {
            return Class.forName(jib().mainClass()).getField("PORT").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(jib().mainClass() + " declares no public PORT", e);
        }
    }

    /** Whether it keeps its state in MySQL. */
    boolean usesDatabase() {
        return usesDatabase;
    }

    /** The Jib configuration in its module's pom. */
    JibConfiguration jib() {
        return JibConfiguration.of(RepositoryFiles.path(module + "/pom.xml"));
    }
}
