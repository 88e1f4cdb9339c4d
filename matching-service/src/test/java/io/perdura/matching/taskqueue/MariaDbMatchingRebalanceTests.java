package io.perdura.matching.taskqueue;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.matching.persistence.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rebalance suite with the backlog on MariaDB/MySQL at 127.0.0.1:3306, in a database of its own. */
class MariaDbMatchingRebalanceTests extends MatchingRebalanceTests {

    private static final String DATABASE = "perdura_matching_rebalance_test";

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
}
