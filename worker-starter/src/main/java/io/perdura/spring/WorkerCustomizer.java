package io.perdura.spring;

import io.perdura.sdk.worker.WorkerOptions;

/** Adjusts the options of the worker the starter creates for one task queue. */
@FunctionalInterface
public interface WorkerCustomizer {

    void customize(String taskQueue, WorkerOptions.Builder options);
}
