package io.perdura.history.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.messaging.Partitioning;
import io.perdura.common.model.WorkflowExecutionKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartitionShardsTests {

    @Test
    void everyWorkflowOfAShardArrivesOnThePartitionThatOwnsTheShard() {
        var partitionShards = new PartitionShards(16, 4);
        for (int i = 0; i < 2000; i++) {
            String key = WorkflowExecutionKey.routingKey("default", "wf-" + UUID.randomUUID());
            int shard = Partitioning.partitionOf(key, 16);
            int partition = Partitioning.partitionOf(key, 4);
            assertThat(partitionShards.partitionOf(shard)).isEqualTo(partition);
            assertThat(partitionShards.shardsOf(List.of(partition))).contains(shard);
        }
    }

    @Test
    void mapsPartitionsToTheirShards() {
        var partitionShards = new PartitionShards(8, 4);
        assertThat(partitionShards.shardsOf(Set.of(1))).containsExactly(1, 5);
        assertThat(partitionShards.shardsOf(Set.of(3, 0))).containsExactly(0, 3, 4, 7);
        assertThat(new PartitionShards(4, 4).shardsOf(Set.of(2))).containsExactly(2);
        assertThat(new PartitionShards(5, 1).shardsOf(Set.of(0))).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> partitionShards.shardsOf(Set.of(4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAShardCountThePartitionsDoNotDivide() {
        assertThatThrownBy(() -> new PartitionShards(16, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shard-count (16)")
                .hasMessageContaining("partitions of the history topic (3)");
        assertThatThrownBy(() -> new PartitionShards(2, 4)).isInstanceOf(IllegalStateException.class);
    }
}
