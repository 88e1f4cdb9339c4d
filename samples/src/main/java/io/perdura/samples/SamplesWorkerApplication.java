package io.perdura.samples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A worker process for the samples, for a server running elsewhere: {@code
 * --perdura.target=http://host:7233}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SamplesConfiguration.class)
public class SamplesWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamplesWorkerApplication.class, args);
    }
}
