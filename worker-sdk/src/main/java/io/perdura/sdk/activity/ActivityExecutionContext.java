package io.perdura.sdk.activity;

import java.util.Optional;

/** The running activity's handle on its task: info, heartbeats and the last heartbeat's details. */
public interface ActivityExecutionContext {

    ActivityInfo getInfo();

    /** Reports progress; the details reach the next attempt if this one fails. */
    void heartbeat(Object details);

    /** The details of the last heartbeat of a previous attempt, if any. */
    <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass);
}
