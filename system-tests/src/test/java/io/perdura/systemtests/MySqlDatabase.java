package io.perdura.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The suites' MySQL (MariaDB on 127.0.0.1:3306 in CI), where each suite gets a fresh database. */
final class MySqlDatabase {

    /** The server, without a database: {@code -Dperdura.test.mysql} overrides it. */
    static final String SERVER = System.getProperty("perdura.test.mysql", "jdbc:mysql://127.0.0.1:3306/");

    private MySqlDatabase() {}

    /** Drops {@code database} if it exists and creates it empty. */
    static void recreate(String database) {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL must answer at " + SERVER, e);
        }
    }
}
