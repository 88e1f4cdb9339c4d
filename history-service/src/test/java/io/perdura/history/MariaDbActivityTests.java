package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The activity scenarios on MariaDB. */
class MariaDbActivityTests extends AbstractActivityTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("activities");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("activities");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
