package io.perdura.systemtests;

import java.util.List;

/** A running Perdura deployment the conformance suite talks to over REST. */
interface PerduraServer extends AutoCloseable {

    /** Base URL of the frontend, e.g. {@code http://127.0.0.1:7300}. */
    String url();

    /** Base URLs of every process serving Actuator (health, Prometheus metrics). */
    default List<String> actuatorUrls() {
        return List.of(url());
    }

    /** Kills every server process at once ({@code kill -9}), losing whatever is only in memory. */
    void kill();

    /** Starts the deployment again on the same storage; returns once it answers. */
    void start();

    @Override
    void close();
}
