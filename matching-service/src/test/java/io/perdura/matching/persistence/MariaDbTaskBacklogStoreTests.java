package io.perdura.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store suite on MariaDB/MySQL at 127.0.0.1:3306, in a database of its own dropped afterwards. */
class MariaDbTaskBacklogStoreTests extends TaskBacklogStoreTests {

    private static final String DATABASE = "perdura_matching_test";

    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        dataSource = TestDatabases.mariaDb(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        new JdbcTemplate(dataSource).execute("DROP DATABASE " + DATABASE);
        dataSource.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Test
    void everyCharacterColumnAndTableOfMatchingComparesExactly() {
        MatchingFlyway.migrate(dataSource);
        String collation = IdentifierCollation.of(dataSource);
        var jdbc = new JdbcTemplate(dataSource);

        List<String> columns = jdbc.queryForList(
                "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLLATION_NAME) FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'flyway%'"
                        + " AND COLLATION_NAME IS NOT NULL",
                String.class);
        List<String> tables = jdbc.queryForList(
                "SELECT CONCAT(TABLE_NAME, ' ', TABLE_COLLATION) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'flyway%'",
                String.class);

        assertThat(columns)
                .containsExactlyInAnyOrder(
                        "matching_tasks.namespace " + collation,
                        "matching_tasks.task_queue " + collation,
                        "matching_tasks.kind " + collation,
                        "matching_tasks.workflow_id " + collation,
                        "matching_tasks.run_id " + collation);
        assertThat(tables).containsExactly("matching_tasks " + collation);
    }
}
