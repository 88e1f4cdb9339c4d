package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The eager workflow start scenarios on MariaDB. */
class MariaDbEagerWorkflowStartTests extends AbstractEagerWorkflowStartTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("eager_workflow_starts");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("eager_workflow_starts");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
