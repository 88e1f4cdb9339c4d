package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The lifecycle scenarios on MariaDB. */
class MariaDbWorkflowLifecycleTests extends AbstractWorkflowLifecycleTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("lifecycle");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("lifecycle");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
