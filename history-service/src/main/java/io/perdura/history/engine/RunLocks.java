package io.perdura.history.engine;

import io.perdura.common.model.WorkflowExecutionKey;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the updates of one workflow id (requests, timer firings, relay) across
 * load → decide → commit. Striped: a bounded array of locks; one thread never holds two.
 */
final class RunLocks {

    private final ReentrantLock[] stripes;

    RunLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String namespace, String workflowId, Supplier<T> action) {
        String key = WorkflowExecutionKey.routingKey(namespace, workflowId);
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
