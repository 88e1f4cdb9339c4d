package io.perdura.spring.testserver;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code perdura.test-server.*}: the in-process test server of a Spring Boot test. */
@ConfigurationProperties("perdura.test-server")
public class PerduraTestServerProperties {

    /** Whether to start an in-process test server and point the client and workers at it. */
    private boolean enabled;

    /** Whether the test server's clock skips ahead while every workflow waits on a timer. */
    private boolean timeSkipping = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isTimeSkipping() {
        return timeSkipping;
    }

    public void setTimeSkipping(boolean timeSkipping) {
        this.timeSkipping = timeSkipping;
    }
}
