package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.history.persistence.JdbcNamespaceStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The history schema migrates into a database other services already use (the dev server shares one). */
class HistoryMigrationTests {

    @Test
    void migratesBesideAnotherServicesTablesAndIsIdempotent() {
        try (var dataSource = TestDatabases.h2()) {
            var jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE flyway_other_schema (installed_rank INT PRIMARY KEY)");
            jdbc.execute("CREATE TABLE other_service_tasks (id BIGINT PRIMARY KEY)");

            HistoryServer.migrate(dataSource);
            HistoryServer.migrate(dataSource);

            assertThat(new JdbcNamespaceStore(dataSource).exists("default")).isTrue();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM flyway_history_schema WHERE version = '1' AND success = TRUE",
                            Integer.class))
                    .isEqualTo(1);
        }
    }
}
