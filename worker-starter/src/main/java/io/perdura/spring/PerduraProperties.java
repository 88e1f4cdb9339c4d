package io.perdura.spring;

import io.perdura.sdk.worker.SandboxMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the Perdura client and workers, under {@code perdura.*}. */
@ConfigurationProperties("perdura")
public class PerduraProperties {

    /** Base URL of the Perdura frontend. */
    private String target = "http://localhost:7233";

    /** Namespace the client and the workers use. */
    private String namespace = "default";

    /** Identity reported to the server; defaults to pid@host. */
    private String identity;

    private final Worker worker = new Worker();

    private final RpcRetry rpcRetry = new RpcRetry();

    private final Converter dataConverter = new Converter();

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public Worker getWorker() {
        return worker;
    }

    public RpcRetry getRpcRetry() {
        return rpcRetry;
    }

    public Converter getDataConverter() {
        return dataConverter;
    }

    /** How values become payloads, unless the application declares a DataConverter or PayloadConverter bean. */
    public static class Converter {

        /** Whether payloads are written with the application's Jackson JsonMapper bean instead of Perdura's own. */
        private boolean useApplicationJsonMapper = false;

        public boolean isUseApplicationJsonMapper() {
            return useApplicationJsonMapper;
        }

        public void setUseApplicationJsonMapper(boolean useApplicationJsonMapper) {
            this.useApplicationJsonMapper = useApplicationJsonMapper;
        }
    }

    /**
     * How the client and the workers retry a call the server could not take for now (503, 504, 429,
     * unreachable): task answers, heartbeats, starts and signals.
     */
    public static class RpcRetry {

        /** Wait before the first retry; it doubles up to the maximum interval. */
        private Duration initialInterval = Duration.ofMillis(100);

        /** Longest wait between two retries. */
        private Duration maximumInterval = Duration.ofSeconds(5);

        /** How long a call is retried in all before its error is thrown. */
        private Duration expiration = Duration.ofSeconds(60);

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public Duration getMaximumInterval() {
            return maximumInterval;
        }

        public void setMaximumInterval(Duration maximumInterval) {
            this.maximumInterval = maximumInterval;
        }

        public Duration getExpiration() {
            return expiration;
        }

        public void setExpiration(Duration expiration) {
            this.expiration = expiration;
        }
    }

    /** Settings of the workers started for annotated beans. */
    public static class Worker {

        /** Whether to start workers for {@code @WorkflowImpl} and {@code @ActivityImpl} beans. */
        private boolean enabled = true;

        /** Number of concurrent workflow task long polls per task queue. */
        private int workflowPollers = 5;

        /** Number of concurrent activity task long polls per task queue. */
        private int activityPollers = 5;

        /** Maximum number of workflow tasks run at once per task queue. */
        private int maxConcurrentWorkflowTasks = 200;

        /** Maximum number of activities run at once per task queue. */
        private int maxConcurrentActivityExecutions = 200;

        /** Maximum number of workflow runs kept replayed in memory; others replay on their next task. */
        private int workflowCacheSize = 600;

        /**
         * How long a workflow task of a run the worker keeps cached waits on the worker's own (sticky) queue
         * before it goes to the task queue with the whole history.
         */
        private Duration stickyQueueScheduleToStartTimeout = Duration.ofSeconds(5);

        /** How long shutdown waits for running tasks before interrupting them. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /** How long activity heartbeats are held back when the activity has no heartbeat timeout. */
        private Duration defaultHeartbeatThrottleInterval = Duration.ofSeconds(30);

        /** Longest time activity heartbeats are held back, whatever the heartbeat timeout. */
        private Duration maxHeartbeatThrottleInterval = Duration.ofSeconds(60);

        /**
         * Whether the workers never ask to run the activities their workflows schedule eagerly (in the
         * workflow task's completion, without an activity poll; ADR 29).
         */
        private boolean disableEagerExecution;

        private final Health health = new Health();

        private final Sandbox sandbox = new Sandbox();

        public boolean isDisableEagerExecution() {
            return disableEagerExecution;
        }

        public void setDisableEagerExecution(boolean disableEagerExecution) {
            this.disableEagerExecution = disableEagerExecution;
        }

        public Health getHealth() {
            return health;
        }

        public Sandbox getSandbox() {
            return sandbox;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getWorkflowPollers() {
            return workflowPollers;
        }

        public void setWorkflowPollers(int workflowPollers) {
            this.workflowPollers = workflowPollers;
        }

        public int getActivityPollers() {
            return activityPollers;
        }

        public void setActivityPollers(int activityPollers) {
            this.activityPollers = activityPollers;
        }

        public int getMaxConcurrentWorkflowTasks() {
            return maxConcurrentWorkflowTasks;
        }

        public void setMaxConcurrentWorkflowTasks(int maxConcurrentWorkflowTasks) {
            this.maxConcurrentWorkflowTasks = maxConcurrentWorkflowTasks;
        }

        public int getMaxConcurrentActivityExecutions() {
            return maxConcurrentActivityExecutions;
        }

        public void setMaxConcurrentActivityExecutions(int maxConcurrentActivityExecutions) {
            this.maxConcurrentActivityExecutions = maxConcurrentActivityExecutions;
        }

        public int getWorkflowCacheSize() {
            return workflowCacheSize;
        }

        public void setWorkflowCacheSize(int workflowCacheSize) {
            this.workflowCacheSize = workflowCacheSize;
        }

        public Duration getStickyQueueScheduleToStartTimeout() {
            return stickyQueueScheduleToStartTimeout;
        }

        public void setStickyQueueScheduleToStartTimeout(Duration stickyQueueScheduleToStartTimeout) {
            this.stickyQueueScheduleToStartTimeout = stickyQueueScheduleToStartTimeout;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Duration getDefaultHeartbeatThrottleInterval() {
            return defaultHeartbeatThrottleInterval;
        }

        public void setDefaultHeartbeatThrottleInterval(Duration defaultHeartbeatThrottleInterval) {
            this.defaultHeartbeatThrottleInterval = defaultHeartbeatThrottleInterval;
        }

        public Duration getMaxHeartbeatThrottleInterval() {
            return maxHeartbeatThrottleInterval;
        }

        public void setMaxHeartbeatThrottleInterval(Duration maxHeartbeatThrottleInterval) {
            this.maxHeartbeatThrottleInterval = maxHeartbeatThrottleInterval;
        }

        /** How the workers' health indicator judges them. */
        public static class Health {

            /** How long polls may fail in a row (the server unreachable) before the workers are reported DOWN. */
            private Duration unreachableThreshold = Duration.ofSeconds(30);

            public Duration getUnreachableThreshold() {
                return unreachableThreshold;
            }

            public void setUnreachableThreshold(Duration unreachableThreshold) {
                this.unreachableThreshold = unreachableThreshold;
            }
        }

        /** The deterministic sandbox that checks workflow code (see docs/sandbox.md). */
        public static class Sandbox {

            /** What the sandbox does with a non-deterministic workflow: strict refuses it, warn logs it, off skips the check. */
            private SandboxMode mode = SandboxMode.STRICT;

            /** Code the sandbox leaves alone: com.acme.Foo#bar, com.acme.Foo, com.acme.util.* or a call target. */
            private List<String> allowed = new ArrayList<>();

            public SandboxMode getMode() {
                return mode;
            }

            public void setMode(SandboxMode mode) {
                this.mode = mode;
            }

            public List<String> getAllowed() {
                return allowed;
            }

            public void setAllowed(List<String> allowed) {
                this.allowed = allowed;
            }
        }
    }
}
