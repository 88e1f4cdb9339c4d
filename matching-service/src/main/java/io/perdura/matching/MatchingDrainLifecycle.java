package io.perdura.matching;

import io.perdura.matching.taskqueue.MatchingEngine;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, answers waiting long polls (with no task) before the web server's graceful shutdown
 * waits for its active requests, many of which are those polls. Matching stays subscribed until
 * {@link MatchingLifecycle} stops; a poll that arrives meanwhile is answered at once.
 */
final class MatchingDrainLifecycle implements SmartLifecycle {

    /** Stopped before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final MatchingEngine engine;
    private volatile boolean running;

    MatchingDrainLifecycle(MatchingEngine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        engine.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
