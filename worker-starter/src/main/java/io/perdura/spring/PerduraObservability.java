package io.perdura.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import java.util.List;

/**
 * What {@link PerduraObservabilityAutoConfiguration} contributes to the client's and the workers'
 * options: the application's {@link MeterRegistry} (null: no metrics) and the interceptors, the
 * tracing interceptor first when tracing is on, then the application's interceptor beans in order.
 */
public final class PerduraObservability {

    private final MeterRegistry meterRegistry;
    private final List<WorkerInterceptor> workerInterceptors;
    private final List<WorkflowClientInterceptor> clientInterceptors;

    public PerduraObservability(
            MeterRegistry meterRegistry,
            List<WorkerInterceptor> workerInterceptors,
            List<WorkflowClientInterceptor> clientInterceptors) {
        this.meterRegistry = meterRegistry;
        this.workerInterceptors = List.copyOf(workerInterceptors);
        this.clientInterceptors = List.copyOf(clientInterceptors);
    }

    /** The registry the SDK's meters go to; null when metrics are off or there is none. */
    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public List<WorkerInterceptor> getWorkerInterceptors() {
        return workerInterceptors;
    }

    public List<WorkflowClientInterceptor> getClientInterceptors() {
        return clientInterceptors;
    }

    /** Sets the client's meter registry and interceptors. */
    public void customize(WorkflowClientOptions.Builder options) {
        options.setMeterRegistry(meterRegistry).setInterceptors(clientInterceptors);
    }

    /** Sets the workers' meter registry and interceptors. */
    public void customize(WorkerFactoryOptions.Builder options) {
        options.setMeterRegistry(meterRegistry).setWorkerInterceptors(workerInterceptors);
    }
}
