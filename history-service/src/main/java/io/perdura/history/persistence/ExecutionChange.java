package io.perdura.history.persistence;

/** One run's state change, as committed by {@link ExecutionStore#commit}. */
public sealed interface ExecutionChange {

    ShardFence fence();

    ExecutionRecord execution();

    ExecutionWrite write();

    /**
     * A new run that becomes the current run of its workflow id.
     *
     * @param previousRunId the closed current run the caller saw, or null when there was none
     */
    record Create(
            ShardFence fence,
            ExecutionRecord execution,
            String startRequestId,
            String previousRunId,
            ExecutionWrite write)
            implements ExecutionChange {}

    /** A run's new row, written only where its version is still {@code expectedDbVersion}. */
    record Update(ShardFence fence, ExecutionRecord execution, long expectedDbVersion, ExecutionWrite write)
            implements ExecutionChange {}
}
