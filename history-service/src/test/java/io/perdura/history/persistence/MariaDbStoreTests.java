package io.perdura.history.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.history.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store suite on MariaDB (MySQL protocol), as in the cluster. */
class MariaDbStoreTests extends AbstractStoreTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("store");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("store");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
