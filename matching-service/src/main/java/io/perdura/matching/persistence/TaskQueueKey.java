package io.perdura.matching.persistence;

import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import java.util.Objects;

/** Identifies one task queue: a name in a namespace, for workflow or for activity tasks. */
public record TaskQueueKey(String namespace, String name, TaskQueueKind kind) {

    public TaskQueueKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return namespace + "/" + name + "/" + kind;
    }
}
