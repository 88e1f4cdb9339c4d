package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.messaging.MessageBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The frontend started on its own, the way its main method starts it. */
class FrontendServiceApplicationTests {

    @Test
    void runsAloneOnAnInJvmBusWhereHistoryNeverAnswers() throws Exception {
        SpringApplication application = new SpringApplication(FrontendServiceApplication.class);
        application.setDefaultProperties(FrontendServiceApplication.DEFAULT_PROPERTIES);
        try (ConfigurableApplicationContext context =
                application.run("--server.port=0", "--perdura.frontend.request-timeout=200ms")) {
            assertThat(context.getBean(MessageBus.class)).isNotNull();
            assertThat(context.getEnvironment().getProperty("spring.threads.virtual.enabled"))
                    .isEqualTo("true");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                            + ApiPaths.expand(ApiPaths.WORKFLOW, "default", "w1")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("https://perdura.io/problems/timeout");
        }
    }
}
