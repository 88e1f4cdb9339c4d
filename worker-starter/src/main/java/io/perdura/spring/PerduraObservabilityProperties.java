package io.perdura.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code perdura.metrics.*} and {@code perdura.tracing.*}: the SDK's metrics and tracing. */
@ConfigurationProperties("perdura")
public class PerduraObservabilityProperties {

    /** The SDK's Micrometer metrics. */
    private final Metrics metrics = new Metrics();

    /** The SDK's tracing through Micrometer Observation. */
    private final Tracing tracing = new Tracing();

    public Metrics getMetrics() {
        return metrics;
    }

    public Tracing getTracing() {
        return tracing;
    }

    /** {@code perdura.metrics.*}. */
    public static class Metrics {
        /** Whether the SDK records its metrics into the application's MeterRegistry, when it has one. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code perdura.tracing.*}. */
    public static class Tracing {
        /**
         * Whether the SDK observes client calls, workflow runs and activities through the application's
         * ObservationRegistry, when it has one, carrying the trace context in headers.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
