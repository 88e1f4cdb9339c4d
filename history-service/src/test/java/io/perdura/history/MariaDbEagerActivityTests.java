package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The eager activity scenarios on MariaDB. */
class MariaDbEagerActivityTests extends AbstractEagerActivityTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("eager_activities");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("eager_activities");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
