package io.perdura.history.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.history.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store suite on H2 in MySQL mode (the dev server's database). */
class H2StoreTests extends AbstractStoreTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.h2();
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
