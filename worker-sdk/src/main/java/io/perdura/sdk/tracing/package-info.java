/**
 * Tracing with Micrometer Observation: {@link io.perdura.sdk.tracing.TracingInterceptor} observes
 * client calls, workflow runs, activity and child starts and activity executions, and carries the
 * trace context in headers when a propagating tracing handler is registered (micrometer-tracing with
 * a bridge to OpenTelemetry or Brave, as Spring Boot sets up).
 */
package io.perdura.sdk.tracing;
