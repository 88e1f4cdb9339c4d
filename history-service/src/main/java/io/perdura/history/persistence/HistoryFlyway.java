package io.perdura.history.persistence;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Migrates history's schema with its own history table, so that it can share a database with the
 * other services.
 */
public final class HistoryFlyway {

    /** Where history's migrations live. */
    public static final String LOCATION = "classpath:db/migration/history";

    /** Flyway's history table for history. */
    public static final String TABLE = "flyway_history_schema";

    private HistoryFlyway() {}

    /** Applies every pending migration of history to {@code dataSource}. */
    public static void migrate(DataSource dataSource) {
        configuration(dataSource).load().migrate();
    }

    /** The configuration {@link #migrate} loads; a test may stop it at an earlier version. */
    static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(TABLE)
                // the database may already hold other services' tables: baseline below V1 so V1 still runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of(IdentifierCollation.PLACEHOLDER, IdentifierCollation.of(dataSource)));
    }
}
