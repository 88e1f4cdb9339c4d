package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Faults under load on the cluster (Kafka, MariaDB, 1 frontend, 2 history, 1 matching, a samples
 * worker process): with 1,000 one-activity and 200 Reminder workflows in flight, one fault each;
 * then every workflow must complete with its result, and every history must be whole — event ids
 * without gap or duplicate, the activity's completion recorded once.
 */
class ClusterFaultTests {

    static final int HELLOS = Integer.getInteger("perdura.faults.hellos", 1000);
    static final int REMINDERS = Integer.getInteger("perdura.faults.reminders", 200);
    static final List<String> CLUSTER =
            List.of("kafka", "history-1", "history-2", "matching-1", "frontend-1", "worker-1");
    static final Duration COMPLETION = Duration.ofMinutes(10);

    private TcpProxy mysql;
    private LocalCluster cluster;
    private RestApi api;

    @BeforeEach
    void startCluster() {
        mysql = new TcpProxy(3306);
        cluster = new LocalCluster("perdura_faults", CLUSTER, "jdbc:mysql://127.0.0.1:" + mysql.port() + "/");
        cluster.start();
        api = new RestApi(cluster.url());
    }

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        mysql.close();
    }

    /** Starts the load and returns once some of it completed: the rest is in flight. */
    private MixedLoad loadInFlight() {
        MixedLoad load = new MixedLoad(HELLOS, REMINDERS);
        load.start(cluster.url());
        load.awaitCompleted(api, (HELLOS + REMINDERS) / 10, Duration.ofMinutes(5));
        return load;
    }

    @Test
    void killDashNineOfAHistoryReplicaMovesItsShardsToTheOther() throws Exception {
        MixedLoad load = loadInFlight();

        cluster.killDashNine("history-1");

        load.verify(cluster.url(), COMPLETION);
        JsonNode history = new RestApi(cluster.url("history-2"))
                .get("/actuator/health")
                .json()
                .at("/components/history/details");
        assertThat(history.get("ownedShards").size()).as(history.toString()).isEqualTo(16);
    }

    @Test
    void killDashNineOfMatchingAndARestartLoseNoTask() throws Exception {
        MixedLoad load = loadInFlight();

        cluster.killDashNine("matching-1");
        Thread.sleep(3000);
        cluster.up("matching-1");

        load.verify(cluster.url(), COMPLETION);
    }

    @Test
    void aKafkaRestartDelaysWorkflowsButLosesNone() throws Exception {
        MixedLoad load = loadInFlight();

        cluster.down("kafka");
        Thread.sleep(5000);
        cluster.up("kafka");

        load.verify(cluster.url(), COMPLETION);
    }

    @Test
    void tenSecondsWithoutTheDatabaseLeaveServicesUpButUnready() throws Exception {
        MixedLoad load = loadInFlight();

        mysql.cut();
        long cutAt = System.nanoTime();
        for (String service : List.of("history-1", "history-2", "matching-1")) {
            await().atMost(Duration.ofSeconds(8))
                    .untilAsserted(() -> assertThat(new RestApi(cluster.url(service))
                                    .get("/actuator/health/readiness")
                                    .status())
                            .as(service)
                            .isEqualTo(503));
        }
        Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - cutAt) / 1_000_000));
        mysql.restore();

        load.verify(cluster.url(), COMPLETION);
        for (String service : List.of("history-1", "history-2", "matching-1", "frontend-1")) {
            assertThat(ProcessHandle.of(cluster.pid(service)).map(ProcessHandle::isAlive))
                    .as(service + " stayed up")
                    .contains(true);
            assertThat(new RestApi(cluster.url(service))
                            .get("/actuator/health/readiness")
                            .status())
                    .as(service)
                    .isEqualTo(200);
        }
    }

    @Test
    void aSecondFrontendStartedMidLoadServesAtOnce() throws Exception {
        MixedLoad load = loadInFlight();

        cluster.up("frontend-2");
        MixedLoad throughSecond = new MixedLoad(50, 0);
        throughSecond.start(cluster.url("frontend-2"));

        throughSecond.verify(cluster.url("frontend-2"), COMPLETION);
        assertThat(throughSecond.startRetries())
                .as("starts through the new frontend all succeeded at once")
                .isZero();
        load.verify(cluster.url(), COMPLETION);
    }
}
