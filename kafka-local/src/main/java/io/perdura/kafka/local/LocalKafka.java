package io.perdura.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), from Maven
 * Central's {@code kafka_2.13} jars: what the local cluster script and the tests run instead of a
 * container. The data directory is formatted on first start and kept, so a restarted broker keeps its
 * topics, records and committed offsets.
 *
 * <p>{@code java -cp 'kafka-local/target/lib/*:kafka-local/target/classes' io.perdura.kafka.local.LocalKafka
 * --port=9092 --data-dir=target/kafka} runs until it is stopped (SIGTERM shuts it down cleanly).
 */
public final class LocalKafka implements AutoCloseable {

    private final int port;
    private final KafkaRaftServer server;

    private LocalKafka(int port, KafkaRaftServer server) {
        this.port = port;
        this.server = server;
    }

    /** Formats {@code dataDir} if it is new and starts the broker on {@code 127.0.0.1:port}. */
    public static LocalKafka start(int port, Path dataDir) {
        return start(port, port + 1, dataDir);
    }

    /** As {@link #start(int, Path)}, with the controller listening on {@code controllerPort}. */
    public static LocalKafka start(int port, int controllerPort, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Properties properties = config(port, controllerPort, dataDir.resolve("logs"));
            Path configFile = dataDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                properties.store(writer, "written by " + LocalKafka.class.getName());
            }
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(configFile);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
            return new LocalKafka(port, server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka data directory " + dataDir, e);
        }
    }

    /**
     * A broker on free ports with a new temporary data directory, stopped when the JVM exits: for
     * tests.
     */
    public static synchronized LocalKafka startTemporary() {
        try {
            LocalKafka kafka = start(freePort(), freePort(), Files.createTempDirectory("perdura-kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a temporary Kafka broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties config(int port, int controllerPort, Path logDir) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "8"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("group.min.session.timeout.ms", "1000"),
                Map.entry("log.retention.hours", "24"),
                Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024))));
        return properties;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(
                    new String[] {
                        "format",
                        "--config",
                        configFile.toString(),
                        "--cluster-id",
                        Uuid.randomUuid().toString()
                    },
                    print);
        }
        if (exit != 0) {
            throw new IllegalStateException(
                    "formatting the Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code --port=9092 --controller-port=9093 --data-dir=DIR}: runs a broker until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        Integer controllerPort = null;
        Path dataDir = Path.of("kafka-data");
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--controller-port=")) {
                controllerPort = Integer.parseInt(arg.substring("--controller-port=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else {
                System.err.println(
                        "usage: LocalKafka [--port=9092] [--controller-port=PORT+1] [--data-dir=kafka-data]");
                System.exit(2);
            }
        }
        LocalKafka kafka = start(port, controllerPort == null ? port + 1 : controllerPort, dataDir.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        System.out.println("Kafka broker ready on " + kafka.bootstrapServers());
        stopped.await();
    }
}
