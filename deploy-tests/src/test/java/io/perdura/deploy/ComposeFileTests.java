package io.perdura.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docker-compose.yml names only services, images, ports and settings that exist in the code. */
class ComposeFileTests {

    private static final Map<String, Object> COMPOSE = Yaml.read(RepositoryFiles.path("docker-compose.yml"));

    private static final ConfigurationMetadata METADATA = ConfigurationMetadata.load();

    @Test
    void runsMysqlKafkaTheThreeServicesAndTheSamplesWorker() {
        assertThat(Yaml.mapAt(COMPOSE, "services"))
                .containsOnlyKeys("mysql", "kafka", "frontend", "history", "matching", "samples-worker");
        assertThat(Yaml.stringAt(COMPOSE, "services.mysql.image")).startsWith("mysql:8");
        assertThat(Yaml.stringAt(COMPOSE, "services.kafka.image")).startsWith("apache/kafka:");
        assertThat(environment("kafka"))
                .as("Kafka runs in KRaft mode, without ZooKeeper")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void runsTheImageThatJibBuilds(Deployable deployable) {
        assertThat(Yaml.stringAt(COMPOSE, "services." + deployable.component() + ".image"))
                .isEqualTo(deployable.jib().image());
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void setsOnlyPropertiesThatTheProcessDeclares(Deployable deployable) {
        List<String> unknown = environment(deployable.component()).keySet().stream()
                .filter(name -> !METADATA.knows(name, deployable.propertyModules()))
                .toList();
        assertThat(unknown)
                .as(
                        "environment variables of %s that set no property of %s or Spring Boot",
                        deployable.component(), deployable.propertyModules())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void publishesThePortTheServiceListensOn(Deployable service) {
        String port = Integer.toString(service.port());
        assertThat(service.defaultPort())
                .as("the PORT its main class %s starts on", service.jib().mainClass())
                .isEqualTo(service.port());
        assertThat(service.jib().ports()).containsExactly(service.port());
        assertThat(environment(service.component())).doesNotContainKey("SERVER_PORT");
        assertThat(Yaml.listAt(COMPOSE, "services." + service.component() + ".ports"))
                .containsExactly(port + ":" + port);
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void healthcheckAsksTheServicesReadiness(Deployable service) {
        String test =
                String.join(" ", strings(Yaml.at(COMPOSE, "services." + service.component() + ".healthcheck.test")));
        assertThat(test)
                .contains("/dev/tcp/localhost/" + service.port())
                .contains("GET /actuator/health/readiness ")
                .contains(" 200 ");
    }

    @Test
    void samplesWorkerHasNoPortAndNoHealthcheck() {
        assertThat(Yaml.mapAt(COMPOSE, "services.samples-worker")).doesNotContainKeys("ports", "healthcheck");
        assertThat(Deployable.SAMPLES_WORKER.jib().ports()).isEmpty();
    }

    @Test
    void startsEachProcessOnceWhatItNeedsIsHealthy() {
        assertThat(healthyDependencies("history")).containsExactlyInAnyOrder("mysql", "kafka");
        assertThat(healthyDependencies("matching")).containsExactlyInAnyOrder("mysql", "kafka");
        assertThat(healthyDependencies("frontend")).contains("kafka");
        assertThat(healthyDependencies("samples-worker")).containsExactly("frontend");
        for (String service : Yaml.mapAt(COMPOSE, "services").keySet()) {
            for (String dependency : healthyDependencies(service)) {
                assertThat(Yaml.mapAt(COMPOSE, "services." + dependency))
                        .as("%s waits for %s to be healthy", service, dependency)
                        .containsKey("healthcheck");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void onlyHistoryAndMatchingGetTheDatabase(Deployable service) {
        Map<String, String> environment = environment(service.component());
        if (!service.usesDatabase()) {
            assertThat(environment.keySet()).noneMatch(name -> name.startsWith("SPRING_DATASOURCE_"));
            return;
        }
        Map<String, String> mysql = environment("mysql");
        assertThat(environment)
                .containsEntry(
                        "SPRING_DATASOURCE_URL",
                        "jdbc:mysql://mysql:3306/" + mysql.get("MYSQL_DATABASE") + "?createDatabaseIfNotExist=true")
                .containsEntry("SPRING_DATASOURCE_USERNAME", mysql.get("MYSQL_USER"))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", mysql.get("MYSQL_PASSWORD"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void servicesReachTheBrokerItAdvertises(Deployable service) {
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        Map<String, String> environment = environment(service.component());
        assertThat("PLAINTEXT://" + environment.get("PERDURA_KAFKA_BOOTSTRAPSERVERS"))
                .isEqualTo(advertised);
        assertThat(environment)
                .as("one broker holds one copy of each partition")
                .containsEntry("PERDURA_KAFKA_REPLICATIONFACTOR", "1");
    }

    @Test
    void historyShardCountIsAMultipleOfTheHistoryPartitions() {
        Map<String, String> history = environment("history");
        int shards = Integer.parseInt(history.get("PERDURA_HISTORY_SHARDCOUNT"));
        int partitions = Integer.parseInt(history.get("PERDURA_KAFKA_TOPICS_HISTORY_PARTITIONS"));
        assertThat(shards % partitions).isZero();
    }

    @Test
    void samplesWorkerTargetsTheFrontend() {
        assertThat(environment("samples-worker"))
                .containsEntry("PERDURA_TARGET", "http://frontend:" + Deployable.FRONTEND.port());
    }

    /** A service's environment, whether the file writes it as a mapping or as a list of NAME=value. */
    private static Map<String, String> environment(String service) {
        Object node = Yaml.mapAt(COMPOSE, "services." + service).get("environment");
        Map<String, String> environment = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(name.toString(), Objects.toString(value, "")));
        } else if (node instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    /** The services that a service waits for with {@code condition: service_healthy}. */
    private static List<String> healthyDependencies(String service) {
        Object dependsOn = Yaml.mapAt(COMPOSE, "services." + service).get("depends_on");
        List<String> healthy = new ArrayList<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, condition) -> {
                if ("service_healthy"
                        .equals(Yaml.map(condition, name.toString()).get("condition"))) {
                    healthy.add(name.toString());
                }
            });
        }
        return healthy;
    }

    private static List<String> strings(Object node) {
        return Yaml.list(node, "healthcheck.test").stream()
                .map(Object::toString)
                .toList();
    }
}
