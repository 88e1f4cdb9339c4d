package io.perdura.spring;

/**
 * Adjusts an options builder before the starter builds the options from it. Declare a bean of the
 * builder type it customizes, e.g. {@code PerduraOptionsCustomizer<WorkflowClientOptions.Builder>}
 * (a {@code @Bean} method with that return type, so that the type argument is known): the starter
 * applies each customizer only to builders of its type, in {@code @Order}. Customized builders:
 *
 * <ul>
 *   <li>{@link io.perdura.sdk.client.WorkflowClientOptions.Builder} — the client (and so its workers);
 *   <li>{@link io.perdura.sdk.worker.WorkerFactoryOptions.Builder} — the worker factory;
 *   <li>{@link io.perdura.sdk.worker.WorkerOptions.Builder} — every worker alike, after the {@code
 *       perdura.worker.*} properties (for one task queue only, use a {@link WorkerCustomizer}).
 * </ul>
 *
 * The {@link io.perdura.sdk.worker.WorkflowImplementationOptions} of a workflow are adjusted by
 * {@link WorkflowImplementationOptionsCustomizer} beans, which are told the workflow and its queue.
 *
 * @param <T> the options builder type
 */
@FunctionalInterface
public interface PerduraOptionsCustomizer<T> {

    /** Adjusts {@code optionsBuilder}; returns the builder to build from (usually the same one). */
    T customize(T optionsBuilder);
}
