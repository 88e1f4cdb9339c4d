package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Signals and cancel requests between workflows on MariaDB. */
class MariaDbExternalWorkflowTests extends AbstractExternalWorkflowTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("external");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("external");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
