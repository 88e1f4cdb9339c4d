package io.perdura.history;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs history-service alone; the context must supply a {@code MessageBus} bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HistoryServiceConfiguration.class)
public class HistoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HistoryServiceApplication.class, args);
    }
}
