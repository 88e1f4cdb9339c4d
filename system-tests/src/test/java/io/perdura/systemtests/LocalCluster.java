package io.perdura.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster on loopback, driven through {@code scripts/cluster.sh} exactly as a person runs it: a
 * real Kafka broker, MariaDB, and each service its own JVM. Every instance has its own database,
 * ports and directory, so suites do not see each other.
 */
final class LocalCluster implements PerduraServer {

    /** The services, without Kafka and workers. */
    static final List<String> SERVICES = List.of("history-1", "history-2", "matching-1", "frontend-1");

    static final String MYSQL = MySqlDatabase.SERVER;

    private final String database;
    private final String serviceMysql;
    private final Path dir;
    private final int portBase;
    private final int kafkaPort;
    private final List<String> components;

    /** A stopped cluster of {@code components} on a fresh database {@code database}. */
    LocalCluster(String database, List<String> components) {
        this(database, components, MYSQL);
    }

    /**
     * As {@link #LocalCluster(String, List)}, with the services reaching MySQL at {@code
     * serviceMysql} (a {@link TcpProxy}, say) instead of {@link #MYSQL}.
     */
    LocalCluster(String database, List<String> components, String serviceMysql) {
        this.database = database;
        this.serviceMysql = serviceMysql;
        // a directory of its own (Kafka's data, pids, logs), kept for a look after a failure
        this.dir = Path.of("target", "cluster-" + database + "-" + System.currentTimeMillis())
                .toAbsolutePath();
        this.portBase = freePortBlock();
        this.kafkaPort = freePort();
        this.components = components;
        MySqlDatabase.recreate(database);
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + portBase;
    }

    /** Where a service serves Actuator: {@code frontend-2} is {@code base + 10}, and so on. */
    String url(String component) {
        int n = Integer.parseInt(component.substring(component.lastIndexOf('-') + 1));
        int offset = switch (component.substring(0, component.lastIndexOf('-'))) {
            case "frontend" -> 0;
            case "history" -> 1;
            case "matching" -> 2;
            default -> throw new IllegalArgumentException(component + " serves no HTTP");
        };
        return "http://127.0.0.1:" + (portBase + 10 * (n - 1) + offset);
    }

    @Override
    public List<String> actuatorUrls() {
        return components.stream()
                .filter(c -> !c.equals("kafka") && !c.startsWith("worker"))
                .map(this::url)
                .toList();
    }

    /** Starts every component not running. */
    @Override
    public void start() {
        up(components.toArray(String[]::new));
    }

    /** kill -9 of every service (Kafka and MariaDB stay): nothing gets to shut down cleanly. */
    @Override
    public void kill() {
        script("kill", SERVICES.stream().filter(components::contains).toArray(String[]::new));
    }

    @Override
    public void close() {
        script("down");
    }

    void up(String... names) {
        script("up", names);
    }

    void down(String... names) {
        script("down", names);
    }

    void killDashNine(String... names) {
        script("kill", names);
    }

    /** The process id of a running component. */
    long pid(String component) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("pids").resolve(component + ".pid"))
                    .trim());
        } catch (IOException e) {
            throw new IllegalStateException(component + " does not run", e);
        }
    }

    Path log(String component) {
        return dir.resolve("logs").resolve(component + ".log");
    }

    String jdbcUrl() {
        return serviceMysql + database;
    }

    private void script(String verb, String... names) {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/cluster.sh", verb));
        command.addAll(List.of(names));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("cluster.log").toFile()));
        builder.environment()
                .putAll(Map.of(
                        "PERDURA_CLUSTER_DIR", dir.toString(),
                        "PERDURA_DB_URL", jdbcUrl(),
                        "PERDURA_PORT_BASE", String.valueOf(portBase),
                        "PERDURA_KAFKA_PORT", String.valueOf(kafkaPort),
                        "PERDURA_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC",
                        "PERDURA_SERVICE_ARGS", "--perdura.kafka.session-timeout=6s"));
        try {
            Files.createDirectories(dir);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("cluster.sh " + verb + " hangs; see " + dir.resolve("cluster.log"));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cluster.sh " + verb + " " + String.join(" ", names) + " failed; see "
                        + dir.resolve("cluster.log") + " and " + dir.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/cluster.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A base port whose block base..base+22 looks free, below Linux's ephemeral range (32768 and up):
     * a component started later in a test (a second frontend, a restart) binds its port minutes after
     * this check, and a port in the ephemeral range may meanwhile be taken by any outgoing connection.
     */
    private static int freePortBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 12_700);
            if (isFree(base)
                    && isFree(base + 1)
                    && isFree(base + 2)
                    && isFree(base + 10)
                    && isFree(base + 11)
                    && isFree(base + 12)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        while (true) {
            int port = 40_000 + (int) (Math.random() * 20_000);
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
    }
}
