package io.perdura.systemtests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite against the dev server storing everything in MySQL (MariaDB on
 * 127.0.0.1:3306 in CI), in database {@code perdura_e2e}, created afresh for the run.
 */
class DevServerOnMySqlConformanceTests extends ConformanceTests {

    static final String SERVER = System.getProperty("perdura.test.mysql", "jdbc:mysql://127.0.0.1:3306/");
    static final String DATABASE = "perdura_e2e";

    @TempDir
    static Path dataDir;

    @Override
    PerduraServer newServer() {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL must answer at " + SERVER, e);
        }
        return new DevServerProcess(
                dataDir,
                List.of(
                        "--spring.datasource.url=" + SERVER + DATABASE,
                        "--spring.datasource.username=root",
                        "--spring.datasource.password="));
    }
}
