package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs that follow runs on MariaDB. */
class MariaDbRunChainTests extends AbstractRunChainTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("runchain");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("runchain");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
