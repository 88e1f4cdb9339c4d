package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.kafka.local.LocalKafka;
import io.perdura.messaging.kafka.ClusterServices;
import io.perdura.messaging.kafka.KafkaMessageBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The frontend started on its own, the way its main method starts it, against a real Kafka broker. */
class FrontendServiceApplicationTests {

    @Test
    void runsAloneOnKafkaWhereHistoryNeverAnswers() throws Exception {
        LocalKafka kafka = LocalKafka.startTemporary();
        SpringApplication application = new SpringApplication(FrontendServiceApplication.class);
        application.setDefaultProperties(
                ClusterServices.defaults("perdura-frontend", FrontendServiceApplication.PORT, List.of("kafka")));
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--perdura.frontend.request-timeout=500ms",
                "--perdura.kafka.bootstrap-servers=" + kafka.bootstrapServers())) {
            assertThat(context.getBean(KafkaMessageBus.class)).isNotNull();
            assertThat(context.getEnvironment().getProperty("spring.threads.virtual.enabled"))
                    .isEqualTo("true");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + ApiPaths.expand(ApiPaths.WORKFLOW, "default", "w1")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("https://perdura.io/problems/timeout");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"kafka\"").contains("\"status\":\"UP\"");
        } finally {
            kafka.close();
        }
    }
}
