package io.perdura.spring;

import io.perdura.sdk.worker.WorkerOptions;

/**
 * Adjusts the options of the worker the starter creates for one task queue: it is told the queue.
 * It runs after the {@code perdura.worker.*} properties and the {@code
 * PerduraOptionsCustomizer<WorkerOptions.Builder>} beans (which adjust every worker alike). Customizer
 * beans are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface WorkerCustomizer {

    void customize(String taskQueue, WorkerOptions.Builder options);
}
