package io.perdura.systemtests;

import java.util.List;

/**
 * The conformance suite against the cluster: Kafka, MariaDB, two history replicas, one matching and
 * one frontend, each its own process, started by {@code scripts/cluster.sh}.
 */
class ClusterConformanceTests extends ConformanceTests {

    @Override
    PerduraServer newServer() {
        return new LocalCluster(
                "perdura_cluster_e2e", List.of("kafka", "history-1", "history-2", "matching-1", "frontend-1"));
    }
}
