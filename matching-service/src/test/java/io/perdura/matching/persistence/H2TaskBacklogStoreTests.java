package io.perdura.matching.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store suite on H2 in MySQL mode, as the dev server runs it. */
class H2TaskBacklogStoreTests extends TaskBacklogStoreTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        dataSource = TestDatabases.h2("matching_store_tests");
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
