package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The failure scenarios on MariaDB. */
class MariaDbFailureHandlingTests extends AbstractFailureHandlingTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("failures");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("failures");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
