package io.perdura.matching.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools to the databases the tests run on. */
public final class TestDatabases {

    private TestDatabases() {}

    /** An in-memory H2 database in MySQL mode (like the dev server's), kept until the JVM exits. */
    public static HikariDataSource h2(String name) {
        return pool(
                "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;DB_CLOSE_DELAY=-1",
                "sa");
    }

    /** A database of its own on the MariaDB/MySQL server at 127.0.0.1:3306, created if missing. */
    public static HikariDataSource mariaDb(String database) {
        return pool(
                "jdbc:mysql://127.0.0.1:3306/" + database
                        + "?createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true&useSSL=false",
                "root");
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
