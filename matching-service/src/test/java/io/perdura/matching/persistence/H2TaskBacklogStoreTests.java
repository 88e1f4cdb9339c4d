package io.perdura.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * H2 compares VARCHAR exactly; only CHAR (padded) and VARCHAR_IGNORECASE (created under {@code
     * IGNORECASE=TRUE}) would not.
     */
    @Test
    void everyCharacterColumnOfMatchingComparesExactly() {
        MatchingFlyway.migrate(dataSource);

        List<String> types = new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT DISTINCT UPPER(data_type) FROM information_schema.columns"
                                + " WHERE table_schema = CURRENT_SCHEMA AND table_name NOT LIKE 'flyway%'",
                        String.class);

        assertThat(types).contains("CHARACTER VARYING").doesNotContain("CHARACTER", "VARCHAR_IGNORECASE");
    }
}
