package io.perdura.spring;

import io.perdura.sdk.worker.WorkflowImplementationOptions;

/**
 * Adjusts the {@link WorkflowImplementationOptions} (default activity and local activity options …)
 * a {@link WorkflowImpl} bean is registered with, after the starter took them from the application's
 * {@code WorkflowImplementationOptions} bean (or the one named by {@link
 * WorkflowImpl#implementationOptions()}). Customizer beans are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface WorkflowImplementationOptionsCustomizer {

    void customize(String taskQueue, Class<?> workflowImplementation, WorkflowImplementationOptions.Builder options);
}
