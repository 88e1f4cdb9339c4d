package io.perdura.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/** A module's own {@code application.properties}, read from the test class path. */
final class ApplicationProperties {

    private ApplicationProperties() {}

    /** The module's {@code application.properties}; empty properties when it has none. */
    static Properties of(String module) {
        Properties properties = new Properties();
        for (URL url : ModuleResources.find("application.properties").getOrDefault(module, List.of())) {
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }
        return properties;
    }
}
