package io.perdura.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V2 makes identifiers compare exactly (ADR 12) by altering the table V1 created: tasks written
 * before it read back unchanged after it, and then a look-alike queue is another queue.
 */
class IdentifierCollationMigrationTests {

    private static final String MARIADB_DATABASE = "perdura_matching_collation_upgrade_test";

    private static final TaskQueueKey ORDERS = new TaskQueueKey("default", "Orders", TaskQueueKind.WORKFLOW);

    @Test
    void keepsWhatWasWrittenBeforeOnH2() {
        try (var dataSource = TestDatabases.h2(
                "matching_upgrade_" + UUID.randomUUID().toString().replace("-", ""))) {
            upgradeKeepsTasks(dataSource);
        }
    }

    @Test
    void keepsWhatWasWrittenBeforeOnMariaDb() {
        try (var dataSource = TestDatabases.mariaDb(MARIADB_DATABASE)) {
            var jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP TABLE IF EXISTS matching_tasks");
            jdbc.execute("DROP TABLE IF EXISTS " + MatchingFlyway.TABLE);
            try {
                upgradeKeepsTasks(dataSource);
            } finally {
                jdbc.execute("DROP DATABASE " + MARIADB_DATABASE);
            }
        }
    }

    private static void upgradeKeepsTasks(DataSource dataSource) {
        MatchingFlyway.configuration(dataSource).target("1").load().migrate();
        var store = new JdbcTaskBacklogStore(dataSource);
        var before = new ScheduledTask("Order-1", "run-café", 2, 0);
        OptionalLong id = store.insert(ORDERS, before);

        MatchingFlyway.migrate(dataSource);

        assertThat(new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT version FROM " + MatchingFlyway.TABLE
                                        + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank",
                                String.class))
                .containsExactly("1", "2");
        assertThat(store.read(ORDERS, 0, 10)).containsExactly(new BacklogTask(id.orElseThrow(), before));

        var lookAlike = new TaskQueueKey("default", "orders", TaskQueueKind.WORKFLOW);
        OptionalLong other = store.insert(lookAlike, before);

        assertThat(other).isPresent();
        assertThat(store.read(lookAlike, 0, 10)).containsExactly(new BacklogTask(other.getAsLong(), before));
        assertThat(store.read(ORDERS, 0, 10)).containsExactly(new BacklogTask(id.getAsLong(), before));
    }
}
