package io.perdura.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Databases for tests: a fresh H2 (MySQL mode, like the dev server) or a fresh MariaDB schema. */
public final class TestDatabases {

    private static final String MARIADB = "jdbc:mysql://127.0.0.1:3306/";

    private TestDatabases() {}

    /** A new in-memory H2 database in MySQL mode, with the dev server's URL options. */
    public static HikariDataSource h2() {
        String name = "history_" + UUID.randomUUID().toString().replace("-", "");
        return pool(
                "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;DB_CLOSE_DELAY=-1",
                "sa");
    }

    /** A freshly created MariaDB database {@code perdura_history_test_<suffix>} (dropped first if left over). */
    public static HikariDataSource mariaDb(String suffix) {
        String database = "perdura_history_test_" + suffix;
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB must answer on 127.0.0.1:3306", e);
        }
        return pool(
                MARIADB + database + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true",
                "root");
    }

    /** Drops a MariaDB test database. */
    public static void dropMariaDb(String suffix) {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS perdura_history_test_" + suffix);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}
