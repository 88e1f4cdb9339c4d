package io.perdura.matching.taskqueue;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.matching.persistence.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The rebalance suite with the backlog on H2 in MySQL mode, as the dev server runs it. */
class H2MatchingRebalanceTests extends MatchingRebalanceTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        dataSource = TestDatabases.h2("matching_rebalance_tests");
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
