package io.perdura.systemtests;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite against the dev server on its embedded database file. */
class DevServerConformanceTests extends ConformanceTests {

    @TempDir
    static Path dataDir;

    @Override
    PerduraServer newServer() {
        return new DevServerProcess(dataDir, List.of());
    }
}
