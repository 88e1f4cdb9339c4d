package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The failure scenarios on H2 in MySQL mode, a fresh database per test. */
class H2FailureHandlingTests extends AbstractFailureHandlingTests {

    private HikariDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = TestDatabases.h2();
        }
        return dataSource;
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }
}
