package io.perdura.spring.testserver;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.spring.PerduraAutoConfiguration;
import io.perdura.testing.TestEnvironmentOptions;
import io.perdura.testing.TestWorkflowEnvironment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code perdura.test-server.enabled=true} (what {@link AutoConfigurePerduraTestServer}
 * sets) and {@code perdura-testing} on the classpath: a {@link TestWorkflowEnvironment} bean (its
 * own in-process server on a skipping clock), and the application's {@link WorkflowClient} on it
 * (the client options {@link PerduraAutoConfiguration} builds, converter and customizers included),
 * so the workers {@link PerduraAutoConfiguration} creates for the {@code @WorkflowImpl} and {@code
 * @ActivityImpl} beans poll the test server. Runs before {@link PerduraAutoConfiguration}, whose
 * client then backs off; {@code perdura.target} is ignored.
 */
@AutoConfiguration(before = PerduraAutoConfiguration.class)
@ConditionalOnClass(TestWorkflowEnvironment.class)
@ConditionalOnBooleanProperty("perdura.test-server.enabled")
@EnableConfigurationProperties(PerduraTestServerProperties.class)
public class PerduraTestServerAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    TestWorkflowEnvironment perduraTestWorkflowEnvironment(
            PerduraTestServerProperties testServer, WorkflowClientOptions perduraWorkflowClientOptions) {
        return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(testServer.isTimeSkipping())
                .setWorkflowClientOptions(perduraWorkflowClientOptions)
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowClient perduraTestServerWorkflowClient(TestWorkflowEnvironment perduraTestWorkflowEnvironment) {
        return perduraTestWorkflowEnvironment.getWorkflowClient();
    }
}
