package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Cancellation on MariaDB. */
class MariaDbCancellationTests extends AbstractCancellationTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("cancellation");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("cancellation");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
