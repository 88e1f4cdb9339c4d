/**
 * Spring Boot test support: {@code perdura.test-server.enabled=true} or {@link
 * io.perdura.spring.testserver.AutoConfigurePerduraTestServer} on a {@code @SpringBootTest} starts a
 * {@code TestWorkflowEnvironment} (in-process server, skipping clock) in the test's context and
 * points the application's client and workers at it. Needs {@code perdura-testing} on the test
 * classpath.
 */
package io.perdura.spring.testserver;
