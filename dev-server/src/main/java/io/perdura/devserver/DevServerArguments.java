package io.perdura.devserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dev server's command line: {@code --port}, {@code --data-dir} and {@code --samples} become
 * Spring properties; every other argument ({@code --perdura.history.shard-count=32}, {@code
 * --spring.datasource.url=jdbc:mysql://…}) is passed through and wins.
 */
record DevServerArguments(Map<String, Object> properties, String[] remaining) {

    static final int DEFAULT_PORT = 7233;
    static final String DEFAULT_DATA_DIR = "perdura-data";

    static DevServerArguments parse(String... args) {
        int port = DEFAULT_PORT;
        String dataDir = DEFAULT_DATA_DIR;
        boolean samples = false;
        List<String> remaining = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (arg.equals("--samples") || arg.equals("--samples=true")) {
                samples = true;
            } else if (arg.equals("--samples=false")) {
                samples = false;
            } else {
                remaining.add(arg);
            }
        }
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("perdura.dev-server.data-dir", data.toString());
        properties.put("perdura.dev-server.samples", samples);
        properties.put("spring.datasource.url", h2Url(data));
        properties.put("perdura.target", "http://127.0.0.1:" + port);
        properties.put("perdura.worker.enabled", samples);
        return new DevServerArguments(properties, remaining.toArray(String[]::new));
    }

    /**
     * An H2 file database in MySQL mode; {@code WRITE_DELAY=0} makes every commit reach the file
     * before it is acknowledged, so a {@code kill -9} loses nothing that was acknowledged. {@code
     * QUERY_CACHE_SIZE=64}: each pooled session keeps the parsed form of the statements it ran, and
     * history's and matching's commit paths run more distinct statements than H2's default of 8
     * (ADR 30).
     */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:"
                + dataDir.resolve("perdura")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                + ";QUERY_CACHE_SIZE=64";
    }
}
