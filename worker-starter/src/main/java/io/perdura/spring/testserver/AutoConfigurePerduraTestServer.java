package io.perdura.spring.testserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * On a {@code @SpringBootTest}: runs the application's workflows and activities against an
 * in-process Perdura test server with a skipping clock ({@link PerduraTestServerAutoConfiguration});
 * the test may inject the {@code TestWorkflowEnvironment} and the {@code WorkflowClient}. The same
 * as setting {@code perdura.test-server.enabled=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "perdura.test-server.enabled=true")
public @interface AutoConfigurePerduraTestServer {}
