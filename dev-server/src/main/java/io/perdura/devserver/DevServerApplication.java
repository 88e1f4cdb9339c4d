package io.perdura.devserver;

import io.perdura.frontend.FrontendServiceConfiguration;
import io.perdura.history.HistoryServiceConfiguration;
import io.perdura.matching.MatchingServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Frontend, history and matching in one JVM, talking over the in-JVM message bus, with an embedded
 * database file: {@code java -jar perdura-dev-server.jar [--port=7233] [--data-dir=./perdura-data]
 * [--samples]}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    DevServerConfiguration.class,
    HistoryServiceConfiguration.class,
    MatchingServiceConfiguration.class,
    FrontendServiceConfiguration.class
})
public class DevServerApplication {

    public static void main(String[] args) {
        DevServerArguments arguments = DevServerArguments.parse(args);
        SpringApplication application = new SpringApplication(DevServerApplication.class);
        application.setDefaultProperties(arguments.properties());
        application.run(arguments.remaining());
    }
}
