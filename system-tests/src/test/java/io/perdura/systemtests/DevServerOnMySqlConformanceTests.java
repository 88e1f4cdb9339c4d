package io.perdura.systemtests;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite against the dev server storing everything in MySQL (MariaDB on
 * 127.0.0.1:3306 in CI), in database {@code perdura_e2e}, created afresh for the run.
 */
class DevServerOnMySqlConformanceTests extends ConformanceTests {

    static final String SERVER = MySqlDatabase.SERVER;
    static final String DATABASE = "perdura_e2e";

    @TempDir
    static Path dataDir;

    @Override
    PerduraServer newServer() {
        MySqlDatabase.recreate(DATABASE);
        return new DevServerProcess(
                dataDir,
                List.of(
                        "--spring.datasource.url=" + SERVER + DATABASE,
                        "--spring.datasource.username=root",
                        "--spring.datasource.password="));
    }
}
