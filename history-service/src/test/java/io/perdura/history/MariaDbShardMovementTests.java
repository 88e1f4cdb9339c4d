package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Shard movement between two replicas on MariaDB. */
class MariaDbShardMovementTests extends AbstractShardMovementTests {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.mariaDb("shard_movement");
    }

    @AfterAll
    static void dropDatabase() {
        dataSource.close();
        TestDatabases.dropMariaDb("shard_movement");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
