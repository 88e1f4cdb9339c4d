package io.perdura.sdk.worker;

import java.time.Duration;
import java.util.List;

/** Concurrency, caching and heartbeat throttling limits of one {@link Worker}. */
public final class WorkerOptions {

    private final int workflowPollers;
    private final int activityPollers;
    private final int maxConcurrentActivityExecutions;
    private final int maxConcurrentWorkflowTasks;
    private final int workflowCacheSize;
    private final Duration maxHeartbeatThrottleInterval;
    private final Duration defaultHeartbeatThrottleInterval;
    private final SandboxMode sandboxMode;
    private final List<String> sandboxAllowed;
    private final boolean disableEagerExecution;
    private final Duration stickyQueueScheduleToStartTimeout;

    private WorkerOptions(Builder b) {
        this.workflowPollers = b.workflowPollers;
        this.activityPollers = b.activityPollers;
        this.maxConcurrentActivityExecutions = b.maxConcurrentActivityExecutions;
        this.maxConcurrentWorkflowTasks = b.maxConcurrentWorkflowTasks;
        this.workflowCacheSize = b.workflowCacheSize;
        this.maxHeartbeatThrottleInterval = b.maxHeartbeatThrottleInterval;
        this.defaultHeartbeatThrottleInterval = b.defaultHeartbeatThrottleInterval;
        this.sandboxMode = b.sandboxMode;
        this.sandboxAllowed = b.sandboxAllowed;
        this.disableEagerExecution = b.disableEagerExecution;
        this.stickyQueueScheduleToStartTimeout = b.stickyQueueScheduleToStartTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static WorkerOptions getDefaultInstance() {
        return new Builder().build();
    }

    public int getWorkflowPollers() {
        return workflowPollers;
    }

    public int getActivityPollers() {
        return activityPollers;
    }

    public int getMaxConcurrentActivityExecutions() {
        return maxConcurrentActivityExecutions;
    }

    public int getMaxConcurrentWorkflowTasks() {
        return maxConcurrentWorkflowTasks;
    }

    /**
     * Whether this worker takes no task eagerly: it never asks to run the activities its workflows
     * schedule eagerly, and a start by its client never hands it the first workflow task (ADR 29).
     */
    public boolean isDisableEagerExecution() {
        return disableEagerExecution;
    }

    public int getWorkflowCacheSize() {
        return workflowCacheSize;
    }

    public Duration getMaxHeartbeatThrottleInterval() {
        return maxHeartbeatThrottleInterval;
    }

    public Duration getDefaultHeartbeatThrottleInterval() {
        return defaultHeartbeatThrottleInterval;
    }

    /** What the deterministic sandbox does with this worker's workflows (default {@link SandboxMode#STRICT}). */
    public SandboxMode getSandboxMode() {
        return sandboxMode;
    }

    /** The class and method patterns the sandbox leaves alone (default none). */
    public List<String> getSandboxAllowed() {
        return sandboxAllowed;
    }

    /**
     * How long a workflow task waits on this worker's own (sticky) queue before the server sends it to
     * the normal task queue with the whole history (default 5 s, as in Temporal).
     */
    public Duration getStickyQueueScheduleToStartTimeout() {
        return stickyQueueScheduleToStartTimeout;
    }

    /** Builds {@link WorkerOptions}. */
    public static final class Builder {
        private int workflowPollers = 5;
        private int activityPollers = 5;
        private int maxConcurrentActivityExecutions = 200;
        private int maxConcurrentWorkflowTasks = 200;
        private int workflowCacheSize = 600;
        private Duration maxHeartbeatThrottleInterval = Duration.ofSeconds(60);
        private Duration defaultHeartbeatThrottleInterval = Duration.ofSeconds(30);
        private SandboxMode sandboxMode = SandboxMode.STRICT;
        private List<String> sandboxAllowed = List.of();
        private boolean disableEagerExecution;
        private Duration stickyQueueScheduleToStartTimeout = Duration.ofSeconds(5);

        private Builder() {}

        /**
         * Long polls kept open for workflow tasks (default 5), shared between the task queue and the
         * worker's own sticky queue; with 1, the worker asks for no sticky execution.
         */
        public Builder setWorkflowPollers(int workflowPollers) {
            this.workflowPollers = positive(workflowPollers, "workflowPollers");
            return this;
        }

        /** Long polls kept open for activity tasks (default 5). */
        public Builder setActivityPollers(int activityPollers) {
            this.activityPollers = positive(activityPollers, "activityPollers");
            return this;
        }

        /** Activities run at the same time (default 200). */
        public Builder setMaxConcurrentActivityExecutions(int max) {
            this.maxConcurrentActivityExecutions = positive(max, "maxConcurrentActivityExecutions");
            return this;
        }

        /** Workflow tasks processed at the same time (default 200). */
        public Builder setMaxConcurrentWorkflowTasks(int max) {
            this.maxConcurrentWorkflowTasks = positive(max, "maxConcurrentWorkflowTasks");
            return this;
        }

        /** Replayed runs kept in memory between tasks (default 600; 0 disables the cache). */
        public Builder setWorkflowCacheSize(int workflowCacheSize) {
            if (workflowCacheSize < 0) {
                throw new IllegalArgumentException("workflowCacheSize must be >= 0");
            }
            this.workflowCacheSize = workflowCacheSize;
            return this;
        }

        /**
         * The longest an activity's heartbeats are held back (default 60 s): heartbeats go to the
         * server at most once per 0.8 x the heartbeat timeout, and never less often than this.
         */
        public Builder setMaxHeartbeatThrottleInterval(Duration interval) {
            this.maxHeartbeatThrottleInterval = positive(interval, "maxHeartbeatThrottleInterval");
            return this;
        }

        /** How long heartbeats are held back when the activity has no heartbeat timeout (default 30 s). */
        public Builder setDefaultHeartbeatThrottleInterval(Duration interval) {
            this.defaultHeartbeatThrottleInterval = positive(interval, "defaultHeartbeatThrottleInterval");
            return this;
        }

        /**
         * What the deterministic sandbox does with the workflows registered on this worker (default {@link
         * SandboxMode#STRICT}: a workflow implementation whose bytecode makes non-deterministic calls is
         * refused at registration; see {@code docs/sandbox.md}).
         */
        public Builder setSandboxMode(SandboxMode sandboxMode) {
            if (sandboxMode == null) {
                throw new IllegalArgumentException("sandboxMode must not be null");
            }
            this.sandboxMode = sandboxMode;
            return this;
        }

        /**
         * Code the sandbox leaves alone, as patterns: {@code com.acme.Foo#bar} (a method), {@code com.acme.Foo}
         * (a class and its nested classes), {@code com.acme.util.*} (a package and those below it), {@code
         * java.lang.System#getenv} (a call target); {@code *} matches any characters. Default none.
         */
        public Builder setSandboxAllowed(List<String> patterns) {
            this.sandboxAllowed = List.copyOf(patterns);
            return this;
        }

        /**
         * Whether this worker never asks for eager activity execution (default false: when it completes a
         * workflow task that schedules an activity of a type it registered, on its own task queue, and it
         * has an activity slot free, it asks the server to start that activity at once and runs it itself,
         * without an activity poll; see ADR 29). At most {@value
         * io.perdura.sdk.internal.worker.EagerActivities#MAX_PER_TASK} per workflow task. True also
         * keeps starts by this worker's client from handing it their first workflow task (eager
         * workflow start).
         */
        public Builder setDisableEagerExecution(boolean disableEagerExecution) {
            this.disableEagerExecution = disableEagerExecution;
            return this;
        }

        /**
         * How long a workflow task of a run this worker keeps cached waits on the worker's own (sticky)
         * queue before the server sends it to the normal task queue with the whole history (default 5 s).
         * A worker that stopped or died therefore delays its runs' next tasks by at most this much.
         */
        public Builder setStickyQueueScheduleToStartTimeout(Duration timeout) {
            this.stickyQueueScheduleToStartTimeout = positive(timeout, "stickyQueueScheduleToStartTimeout");
            return this;
        }

        public WorkerOptions build() {
            return new WorkerOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1");
            }
            return value;
        }
    }
}
