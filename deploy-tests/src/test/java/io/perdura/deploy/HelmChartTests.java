package io.perdura.deploy;

import static io.perdura.deploy.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm/perdura lints clean and renders the services, their settings and the optional MySQL and Kafka. */
class HelmChartTests {

    private static final ConfigurationMetadata METADATA = ConfigurationMetadata.load();

    private static final Manifests DEFAULTS = HelmChart.render(Map.of());

    private static final Manifests ALL_IN_CLUSTER = HelmChart.render(Map.of(
            "mysql.inCluster.enabled", "true",
            "mysql.inCluster.rootPassword", "root-secret",
            "kafka.inCluster.enabled", "true",
            "samplesWorker.enabled", "true",
            "frontend.replicas", "4",
            "history.replicas", "5",
            "matching.replicas", "1",
            "image.tag", "1.2.3"));

    @Test
    void lintsWithoutWarnings() {
        LintResult lint = HelmChart.lint();
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @Test
    void rendersTheThreeServicesAndNoDatabaseOrBrokerByDefault() {
        assertThat(DEFAULTS.names("Deployment"))
                .containsExactlyInAnyOrder(FULLNAME + "-frontend", FULLNAME + "-history", FULLNAME + "-matching");
        assertThat(DEFAULTS.names("Service"))
                .containsExactlyInAnyOrder(FULLNAME + "-frontend", FULLNAME + "-history", FULLNAME + "-matching");
        assertThat(DEFAULTS.names("StatefulSet")).isEmpty();
        assertThat(Yaml.stringAt(deployment(DEFAULTS, Deployable.FRONTEND), "spec.replicas"))
                .isEqualTo("2");
        assertThat(Yaml.stringAt(deployment(DEFAULTS, Deployable.HISTORY), "spec.replicas"))
                .isEqualTo("3");
        assertThat(Yaml.stringAt(deployment(DEFAULTS, Deployable.MATCHING), "spec.replicas"))
                .isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void probesAskTheActuatorOnTheServicesPort(Deployable service) {
        Map<String, Object> container = container(DEFAULTS, service);
        assertThat(Yaml.stringAt(container, "image"))
                .isEqualTo(service.jib().repository() + ":" + RepositoryFiles.version());
        assertThat(Yaml.stringAt(container, "ports[0].name")).isEqualTo("http");
        assertThat(Yaml.stringAt(container, "ports[0].containerPort")).isEqualTo(Integer.toString(service.port()));
        assertThat(environment(container)).containsEntry("SERVER_PORT", Integer.toString(service.port()));
        assertThat(Yaml.stringAt(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yaml.stringAt(container, "livenessProbe.httpGet.port")).isEqualTo("http");
        assertThat(Yaml.at(container, "livenessProbe.failureThreshold"))
                .as("a database or Kafka outage under 5 minutes restarts no pod")
                .isEqualTo(30);
        assertThat(Yaml.stringAt(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(Yaml.stringAt(container, "readinessProbe.httpGet.port")).isEqualTo("http");
        assertThat(Yaml.stringAt(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yaml.stringAt(deployment(DEFAULTS, service), "spec.template.metadata.annotations"))
                .contains("prometheus.io/path=/actuator/prometheus");
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void servicesExposeThePortsOfTheirPods(Deployable service) {
        Map<String, Object> object = DEFAULTS.get("Service", FULLNAME + "-" + service.component());
        assertThat(Yaml.stringAt(object, "spec.ports[0].port")).isEqualTo(Integer.toString(service.port()));
        assertThat(Yaml.stringAt(object, "spec.ports[0].targetPort")).isEqualTo("http");
        assertThat(Yaml.mapAt(deployment(DEFAULTS, service), "spec.template.metadata.labels"))
                .containsAllEntriesOf(Yaml.mapAt(object, "spec.selector"));
        assertThat(Yaml.mapAt(object, "spec.selector"))
                .containsEntry("app.kubernetes.io/component", service.component());
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void containersHaveRequestsAndAMemoryLimit(Deployable service) {
        Map<String, Object> resources = Yaml.mapAt(container(DEFAULTS, service), "resources");
        assertThat(Yaml.mapAt(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(Yaml.mapAt(resources, "limits")).containsKey("memory");
        assertThat(environment(container(DEFAULTS, service))).containsKey("JAVA_TOOL_OPTIONS");
    }

    @ParameterizedTest
    @EnumSource(
            value = Deployable.class,
            names = {"FRONTEND", "HISTORY", "MATCHING"})
    void settingsComeFromTheConfigMapAndOnlyHistoryAndMatchingGetTheDatabaseSecret(Deployable service) {
        List<String> sources = new ArrayList<>();
        for (Object source : Yaml.listAt(container(DEFAULTS, service), "envFrom")) {
            Map<String, Object> reference = Yaml.map(source, "envFrom");
            reference.forEach((kind, target) -> sources.add(kind + ":" + Yaml.stringAt(target, "name")));
        }
        if (service.usesDatabase()) {
            assertThat(sources)
                    .containsExactly("configMapRef:" + FULLNAME + "-config", "secretRef:" + FULLNAME + "-mysql");
        } else {
            assertThat(sources).containsExactly("configMapRef:" + FULLNAME + "-config");
        }
    }

    @Test
    void configMapSetsOnlyPropertiesTheServicesDeclare() {
        Map<String, Object> config = DEFAULTS.data("ConfigMap", FULLNAME + "-config");
        List<String> modules = Deployable.SERVICES.stream()
                .flatMap(service -> service.propertyModules().stream())
                .toList();
        assertThat(config.keySet()).allMatch(name -> METADATA.knows(name, modules), "a property of the services");
        assertThat(config)
                .containsEntry("PERDURA_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
                .containsEntry("PERDURA_KAFKA_REPLICATIONFACTOR", "3")
                .containsEntry("PERDURA_KAFKA_TOPICS_HISTORY_NAME", "perdura.history")
                .containsEntry("PERDURA_KAFKA_TOPICS_HISTORY_PARTITIONS", "16")
                .containsEntry("PERDURA_KAFKA_TOPICS_REPLIES_PARTITIONS", "8")
                .containsEntry("PERDURA_HISTORY_SHARDCOUNT", "16");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void containersSetOnlyPropertiesTheProcessDeclares(Deployable deployable) {
        Map<String, Object> container = ALL_IN_CLUSTER.container("Deployment", FULLNAME + "-" + deployable.component());
        List<String> names = Yaml.listAt(container, "env").stream()
                .map(entry -> Yaml.stringAt(entry, "name"))
                .toList();
        assertThat(names)
                .isNotEmpty()
                .allMatch(name -> METADATA.knows(name, deployable.propertyModules()), "a property");
    }

    @Test
    void historyPodsOwnShardsUnderTheirOwnName() {
        Map<String, Object> container = container(DEFAULTS, Deployable.HISTORY);
        assertThat(Yaml.listAt(container, "env")).anySatisfy(entry -> {
            assertThat(Yaml.stringAt(entry, "name")).isEqualTo("PERDURA_HISTORY_OWNERID");
            assertThat(Yaml.stringAt(entry, "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
        });
    }

    @Test
    void secretHoldsTheDatasourceOfTheExternalMysql() {
        assertThat(DEFAULTS.data("Secret", FULLNAME + "-mysql"))
                .containsOnlyKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://mysql:3306/perdura?createDatabaseIfNotExist=true")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "perdura");
        assertThat(DEFAULTS.data("Secret", FULLNAME + "-mysql").keySet())
                .allMatch(name -> METADATA.knows(name, Deployable.HISTORY.propertyModules()), "a property of history");
    }

    @Test
    void anExistingSecretReplacesTheChartsOwn() {
        Manifests manifests = HelmChart.render(Map.of("mysql.existingSecret", "perdura-db"));
        assertThat(manifests.names("Secret")).isEmpty();
        assertThat(Yaml.stringAt(container(manifests, Deployable.HISTORY), "envFrom[1].secretRef.name"))
                .isEqualTo("perdura-db");
    }

    @Test
    void overridesSetReplicasAndTheImageTag() {
        assertThat(Yaml.stringAt(deployment(ALL_IN_CLUSTER, Deployable.FRONTEND), "spec.replicas"))
                .isEqualTo("4");
        assertThat(Yaml.stringAt(deployment(ALL_IN_CLUSTER, Deployable.HISTORY), "spec.replicas"))
                .isEqualTo("5");
        assertThat(Yaml.stringAt(deployment(ALL_IN_CLUSTER, Deployable.MATCHING), "spec.replicas"))
                .isEqualTo("1");
        assertThat(Yaml.stringAt(container(ALL_IN_CLUSTER, Deployable.HISTORY), "image"))
                .isEqualTo("perdura/history-service:1.2.3");
    }

    @Test
    void inClusterMysqlIsWhatTheServicesConnectTo() {
        String mysql = FULLNAME + "-mysql";
        assertThat(ALL_IN_CLUSTER.names("StatefulSet")).contains(mysql);
        assertThat(Yaml.stringAt(ALL_IN_CLUSTER.get("Service", mysql), "spec.ports[0].port"))
                .isEqualTo("3306");
        assertThat(ALL_IN_CLUSTER.data("Secret", mysql))
                .containsEntry(
                        "SPRING_DATASOURCE_URL",
                        "jdbc:mysql://" + mysql + ":3306/perdura?createDatabaseIfNotExist=true")
                .containsEntry("MYSQL_ROOT_PASSWORD", "root-secret");
        assertThat(Yaml.stringAt(ALL_IN_CLUSTER.container("StatefulSet", mysql), "image"))
                .startsWith("mysql:8");
        assertThat(Yaml.stringAt(ALL_IN_CLUSTER.container("StatefulSet", mysql), "env"))
                .contains("key=SPRING_DATASOURCE_USERNAME", "key=SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void inClusterKafkaIsWhatTheServicesConnectTo() {
        String kafka = FULLNAME + "-kafka";
        assertThat(ALL_IN_CLUSTER.names("StatefulSet")).contains(kafka);
        assertThat(Yaml.stringAt(ALL_IN_CLUSTER.get("Service", kafka), "spec.ports[0].port"))
                .isEqualTo("9092");
        Map<String, String> broker = environment(ALL_IN_CLUSTER.container("StatefulSet", kafka));
        assertThat(broker)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + kafka + ":9092");
        assertThat(ALL_IN_CLUSTER.data("ConfigMap", FULLNAME + "-config"))
                .containsEntry("PERDURA_KAFKA_BOOTSTRAPSERVERS", kafka + ":9092")
                .containsEntry("PERDURA_KAFKA_REPLICATIONFACTOR", "1");
    }

    @Test
    void samplesWorkerTargetsTheReleasesFrontend() {
        String worker = FULLNAME + "-samples-worker";
        assertThat(DEFAULTS.find("Deployment", worker)).isEmpty();
        Map<String, Object> settings = ALL_IN_CLUSTER.data("ConfigMap", worker);
        assertThat(settings)
                .containsEntry("PERDURA_TARGET", "http://" + FULLNAME + "-frontend:" + Deployable.FRONTEND.port())
                .containsEntry("PERDURA_NAMESPACE", "default");
        assertThat(settings.keySet())
                .allMatch(
                        name -> METADATA.knows(name, Deployable.SAMPLES_WORKER.propertyModules()), "a worker property");
        assertThat(Yaml.stringAt(ALL_IN_CLUSTER.container("Deployment", worker), "image"))
                .isEqualTo(Deployable.SAMPLES_WORKER.jib().repository() + ":1.2.3");
    }

    @Test
    void refusesAShardCountThatIsNoMultipleOfTheHistoryPartitions() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("perdura.history.shardCount", "12")))
                .hasMessageContaining("must be a multiple of perdura.kafka.topics.history.partitions");
    }

    @Test
    void valuesUnderPerduraMirrorTheServicesProperties() {
        Map<String, Object> values = Yaml.read(HelmChart.directory().resolve("values.yaml"));
        List<String> declared = Deployable.SERVICES.stream()
                .flatMap(service -> service.propertyModules().stream())
                .flatMap(module -> METADATA.propertiesOf(module).stream())
                .toList();
        assertThat(properties("perdura", Yaml.mapAt(values, "perdura")))
                .isNotEmpty()
                .allMatch(declared::contains);
        List<String> worker = Deployable.SAMPLES_WORKER.propertyModules().stream()
                .flatMap(module -> METADATA.propertiesOf(module).stream())
                .toList();
        assertThat(properties("perdura", Yaml.mapAt(values, "samplesWorker.perdura")))
                .isNotEmpty()
                .allMatch(worker::contains);
    }

    /** The property names of a values tree: {@code kafka.bootstrapServers} is {@code perdura.kafka.bootstrap-servers}. */
    private static List<String> properties(String prefix, Map<String, Object> tree) {
        List<String> names = new ArrayList<>();
        tree.forEach((key, value) -> {
            String name = prefix + "." + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (value instanceof Map<?, ?> map) {
                names.addAll(properties(name, Yaml.map(map, name)));
            } else {
                names.add(name);
            }
        });
        return names;
    }

    private static Map<String, Object> deployment(Manifests manifests, Deployable deployable) {
        return manifests.get("Deployment", FULLNAME + "-" + deployable.component());
    }

    private static Map<String, Object> container(Manifests manifests, Deployable deployable) {
        return manifests.container("Deployment", FULLNAME + "-" + deployable.component());
    }

    /** The literal {@code env} entries of a container. */
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object entry : Yaml.listAt(container, "env")) {
            Map<String, Object> variable = Yaml.map(entry, "env");
            if (variable.containsKey("value")) {
                environment.put(
                        variable.get("name").toString(), variable.get("value").toString());
            }
        }
        return environment;
    }
}
