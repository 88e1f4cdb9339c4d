package io.perdura.testing;

import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import java.time.Instant;
import java.util.Objects;

/** How a {@link TestWorkflowEnvironment} is set up. */
public final class TestEnvironmentOptions {

    private final WorkerFactoryOptions workerFactoryOptions;
    private final WorkflowClientOptions workflowClientOptions;
    private final boolean useTimeskipping;
    private final Instant initialTime;

    private TestEnvironmentOptions(Builder builder) {
        this.workerFactoryOptions = builder.workerFactoryOptions;
        this.workflowClientOptions = builder.workflowClientOptions;
        this.useTimeskipping = builder.useTimeskipping;
        this.initialTime = builder.initialTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static TestEnvironmentOptions getDefaultInstance() {
        return new Builder().build();
    }

    /** The options of the environment's worker factory. */
    public WorkerFactoryOptions getWorkerFactoryOptions() {
        return workerFactoryOptions;
    }

    /**
     * The options of the environment's client: namespace, identity, retries. The target is
     * always the environment's own server.
     */
    public WorkflowClientOptions getWorkflowClientOptions() {
        return workflowClientOptions;
    }

    /** Whether the server's clock skips ahead while every workflow waits on a timer. */
    public boolean isUseTimeskipping() {
        return useTimeskipping;
    }

    /** What the server's clock reads when the environment is created; null: the system time. */
    public Instant getInitialTime() {
        return initialTime;
    }

    /** Builds {@link TestEnvironmentOptions}. */
    public static final class Builder {

        private WorkerFactoryOptions workerFactoryOptions = WorkerFactoryOptions.getDefaultInstance();
        private WorkflowClientOptions workflowClientOptions = WorkflowClientOptions.getDefaultInstance();
        private boolean useTimeskipping = true;
        private Instant initialTime;

        private Builder() {}

        public Builder setWorkerFactoryOptions(WorkerFactoryOptions workerFactoryOptions) {
            this.workerFactoryOptions = Objects.requireNonNull(workerFactoryOptions, "workerFactoryOptions");
            return this;
        }

        /** Namespace, identity and retry options of the client; its target is replaced by the test server's. */
        public Builder setWorkflowClientOptions(WorkflowClientOptions workflowClientOptions) {
            this.workflowClientOptions = Objects.requireNonNull(workflowClientOptions, "workflowClientOptions");
            return this;
        }

        /** Whether time skips while every workflow waits on a timer; default true. False: real time. */
        public Builder setUseTimeskipping(boolean useTimeskipping) {
            this.useTimeskipping = useTimeskipping;
            return this;
        }

        /** What the server's clock reads when the environment is created; default the system time. */
        public Builder setInitialTime(Instant initialTime) {
            this.initialTime = initialTime;
            return this;
        }

        public TestEnvironmentOptions build() {
            return new TestEnvironmentOptions(this);
        }
    }
}
