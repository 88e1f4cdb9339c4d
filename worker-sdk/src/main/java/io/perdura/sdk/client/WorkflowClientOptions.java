package io.perdura.sdk.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Where the client finds the Perdura frontend and who it says it is. */
public final class WorkflowClientOptions {

    private final String target;
    private final String namespace;
    private final String identity;
    private final Duration connectTimeout;
    private final RpcRetryOptions rpcRetryOptions;
    private final DataConverter dataConverter;
    private final List<WorkflowClientInterceptor> interceptors;
    private final MeterRegistry meterRegistry;

    private WorkflowClientOptions(Builder b) {
        this.target = b.target.endsWith("/") ? b.target.substring(0, b.target.length() - 1) : b.target;
        this.namespace = b.namespace;
        this.identity = b.identity != null ? b.identity : defaultIdentity();
        this.connectTimeout = b.connectTimeout;
        this.interceptors = List.copyOf(b.interceptors);
        this.meterRegistry = b.meterRegistry;
        this.rpcRetryOptions = b.rpcRetryOptions;
        this.dataConverter = b.dataConverter;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding every option of {@code options}, to change some of them. */
    public static Builder newBuilder(WorkflowClientOptions options) {
        Builder builder = new Builder();
        builder.target = options.target;
        builder.namespace = options.namespace;
        builder.identity = options.identity;
        builder.connectTimeout = options.connectTimeout;
        builder.rpcRetryOptions = options.rpcRetryOptions;
        builder.dataConverter = options.dataConverter;
        builder.interceptors = options.interceptors;
        builder.meterRegistry = options.meterRegistry;
        return builder;
    }

    public static WorkflowClientOptions getDefaultInstance() {
        return new Builder().build();
    }

    /** Base URL of the frontend, e.g. {@code http://localhost:7233}. */
    public String getTarget() {
        return target;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getIdentity() {
        return identity;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** How calls to the frontend are retried through transient failures. */
    public RpcRetryOptions getRpcRetryOptions() {
        return rpcRetryOptions;
    }

    /** How values become payloads and back, for this client and the workers created from it. */
    public DataConverter getDataConverter() {
        return dataConverter;
    }

    /** The interceptors of the client's workflow calls, outermost first. */
    public List<WorkflowClientInterceptor> getInterceptors() {
        return interceptors;
    }

    /** Where the client's request metrics go; null for none. */
    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    private static String defaultIdentity() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Builds {@link WorkflowClientOptions}. */
    public static final class Builder {
        private String target = "http://localhost:7233";
        private String namespace = "default";
        private String identity;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private RpcRetryOptions rpcRetryOptions = RpcRetryOptions.getDefaultInstance();
        private DataConverter dataConverter = DataConverter.getDefaultInstance();
        private List<WorkflowClientInterceptor> interceptors = List.of();
        private MeterRegistry meterRegistry;

        private Builder() {}

        public Builder setTarget(String target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        public Builder setNamespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        public Builder setIdentity(String identity) {
            this.identity = identity;
            return this;
        }

        public Builder setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How calls to the frontend are retried through transient failures: the client's start,
         * signal and result waits, and the workers' task answers and heartbeats.
         */
        public Builder setRpcRetryOptions(RpcRetryOptions rpcRetryOptions) {
            this.rpcRetryOptions = Objects.requireNonNull(rpcRetryOptions, "rpcRetryOptions");
            return this;
        }

        /**
         * How values become payloads and back: workflow and activity arguments and results, signals,
         * queries, updates, side effects and heartbeat details, in this client, in the workers created
         * from it and in their workflow code and activities. Default: {@link
         * DataConverter#getDefaultInstance()}.
         */
        public Builder setDataConverter(DataConverter dataConverter) {
            this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
            return this;
        }

        /** Interceptors of the client's workflow calls; the first is the outermost. */
        public Builder setInterceptors(WorkflowClientInterceptor... interceptors) {
            this.interceptors = List.of(interceptors);
            return this;
        }

        /** Interceptors of the client's workflow calls; the first is the outermost. */
        public Builder setInterceptors(List<? extends WorkflowClientInterceptor> interceptors) {
            this.interceptors = List.copyOf(interceptors);
            return this;
        }

        /**
         * Where to record the client's request metrics ({@code perdura_request},
         * {@code perdura_request_failure}, {@code perdura_request_latency}); null (the default) for none.
         */
        public Builder setMeterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        public WorkflowClientOptions build() {
            return new WorkflowClientOptions(this);
        }
    }
}
