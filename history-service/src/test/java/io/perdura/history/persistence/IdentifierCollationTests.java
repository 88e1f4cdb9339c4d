package io.perdura.history.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class IdentifierCollationTests {

    @Test
    void mariaDbGetsItsNoPadBinaryCollationUnderEitherDriver() {
        assertThat(IdentifierCollation.forProduct("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"))
                .isEqualTo("utf8mb4_nopad_bin");
        assertThat(IdentifierCollation.forProduct("MariaDB", "11.4.5-MariaDB")).isEqualTo("utf8mb4_nopad_bin");
    }

    @Test
    void mySqlAndH2GetMySqlsNoPadBinaryCollation() {
        assertThat(IdentifierCollation.forProduct("MySQL", "8.4.3")).isEqualTo("utf8mb4_0900_bin");
        assertThat(IdentifierCollation.forProduct("H2", "2.4.240 (2025-09-22)")).isEqualTo("utf8mb4_0900_bin");
    }

    @Test
    void refusesADatabaseItCannotMakeExact() {
        assertThatIllegalStateException()
                .isThrownBy(() -> IdentifierCollation.forProduct("PostgreSQL", "17.2"))
                .withMessageContaining("PostgreSQL");
    }
}
