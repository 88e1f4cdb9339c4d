package io.perdura.frontend;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the frontend service. */
@ConfigurationProperties("perdura.frontend")
public class FrontendProperties {

    /** How long a worker's poll waits for a task before it returns empty (204). */
    private Duration longPollTimeout = Duration.ofSeconds(60);

    /** How long a query waits for a worker to answer it. */
    private Duration queryTimeout = Duration.ofSeconds(10);

    /** How long a result request waits for the run to close when it names no wait. */
    private Duration resultWaitDefault = Duration.ofSeconds(30);

    /** The longest wait a result request may ask for; longer waits are shortened to it. */
    private Duration resultWaitMax = Duration.ofSeconds(60);

    /**
     * How long an update call waits for its update to reach the stage it asks for (ACCEPTED or
     * COMPLETED) before it answers 504; the caller calls again with the same updateId.
     */
    private Duration updateWait = Duration.ofSeconds(30);

    /** How long to wait for history or matching to answer an ordinary request. */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /** Extra time granted beyond a long poll, query or result wait before the call times out (504). */
    private Duration timeoutMargin = Duration.ofSeconds(10);

    /**
     * Whether worker API requests (task polls, task answers, heartbeats) are observed as {@code
     * http.server.requests}, as control-plane requests always are.
     */
    private boolean observeWorkerRequests = false;

    public Duration getLongPollTimeout() {
        return longPollTimeout;
    }

    public void setLongPollTimeout(Duration longPollTimeout) {
        this.longPollTimeout = longPollTimeout;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Duration getResultWaitDefault() {
        return resultWaitDefault;
    }

    public void setResultWaitDefault(Duration resultWaitDefault) {
        this.resultWaitDefault = resultWaitDefault;
    }

    public Duration getResultWaitMax() {
        return resultWaitMax;
    }

    public void setResultWaitMax(Duration resultWaitMax) {
        this.resultWaitMax = resultWaitMax;
    }

    public Duration getUpdateWait() {
        return updateWait;
    }

    public void setUpdateWait(Duration updateWait) {
        this.updateWait = updateWait;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getTimeoutMargin() {
        return timeoutMargin;
    }

    public void setTimeoutMargin(Duration timeoutMargin) {
        this.timeoutMargin = timeoutMargin;
    }

    public boolean isObserveWorkerRequests() {
        return observeWorkerRequests;
    }

    public void setObserveWorkerRequests(boolean observeWorkerRequests) {
        this.observeWorkerRequests = observeWorkerRequests;
    }
}
