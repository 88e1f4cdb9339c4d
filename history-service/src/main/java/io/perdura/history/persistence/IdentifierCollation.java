package io.perdura.history.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The collation under which identifiers compare exactly (code point by code point, trailing spaces
 * included) on the database at hand; the migrations name it {@code ${identifier_collation}} (ADR 12).
 */
final class IdentifierCollation {

    /** The Flyway placeholder the migrations use. */
    static final String PLACEHOLDER = "identifier_collation";

    /** MariaDB's binary NO PAD collation ({@code utf8mb4_bin} is PAD SPACE there). */
    static final String MARIADB = "utf8mb4_nopad_bin";

    /** MySQL 8's binary NO PAD collation (8.0.17 and later; {@code utf8mb4_bin} is PAD SPACE there). */
    static final String MYSQL = "utf8mb4_0900_bin";

    private IdentifierCollation() {}

    /** The collation for the database behind {@code dataSource}. */
    static String of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return forProduct(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the database which product it is", e);
        }
    }

    /**
     * MySQL Connector/J calls MariaDB "MySQL" and gives it a version like {@code
     * 5.5.5-10.11.19-MariaDB}. H2 in MySQL mode parses the collation clause and ignores it: its
     * VARCHAR compares exactly already.
     */
    static String forProduct(String productName, String productVersion) {
        if (productName.contains("MariaDB") || productVersion.contains("MariaDB")) {
            return MARIADB;
        }
        if (productName.equals("MySQL") || productName.equals("H2")) {
            return MYSQL;
        }
        throw new IllegalStateException("identifiers can be made to compare exactly on MySQL 8, MariaDB and H2, not on "
                + productName + " " + productVersion);
    }
}
