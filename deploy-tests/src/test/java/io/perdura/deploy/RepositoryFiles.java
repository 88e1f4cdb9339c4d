package io.perdura.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, found from the {@code perdura.root} system property that the build sets. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The repository's root directory. */
    static Path root() {
        Path root = Path.of(System.getProperty("perdura.root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("helm"))) {
            throw new IllegalStateException("not the repository's root: " + root);
        }
        return root;
    }

    /** A path relative to the repository's root. */
    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** The project's version, as the build sets it. */
    static String version() {
        return System.getProperty("perdura.version", "0.1.0-SNAPSHOT");
    }
}
