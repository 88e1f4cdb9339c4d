package io.perdura.history.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.history.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store suite on MariaDB (MySQL protocol), as in the cluster. */
class MariaDbStoreTests extends AbstractStoreTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("store");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("store");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Test
    void everyCharacterColumnAndTableOfHistoryComparesExactly() {
        HistoryFlyway.migrate(dataSource);
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
                .contains("executions.workflow_id " + collation, "current_executions.start_request_id " + collation)
                .allSatisfy(column -> assertThat(column).endsWith(" " + collation));
        assertThat(tables).hasSize(8).allSatisfy(table -> assertThat(table).endsWith(" " + collation));
    }
}
