package io.perdura.sdk.client;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * How {@link WorkflowStub#startUpdate(UpdateOptions, Object...)} sends an update: its name, its id
 * (a repeated id returns the first update's outcome; a new one is generated when unset), the stage
 * to wait for (COMPLETED by default) and the type of its result.
 */
public final class UpdateOptions<R> {

    private final String updateName;
    private final String updateId;
    private final WorkflowUpdateStage waitForStage;
    private final Class<R> resultClass;
    private final Type resultType;

    private UpdateOptions(Builder<R> builder) {
        if (builder.updateName == null || builder.updateName.isBlank()) {
            throw new IllegalArgumentException("updateName is required");
        }
        this.updateName = builder.updateName;
        this.updateId = builder.updateId;
        this.waitForStage = builder.waitForStage;
        this.resultClass = Objects.requireNonNull(builder.resultClass, "resultClass");
        this.resultType = builder.resultType == null ? builder.resultClass : builder.resultType;
    }

    public static <R> Builder<R> newBuilder(Class<R> resultClass) {
        return new Builder<>(resultClass);
    }

    public String getUpdateName() {
        return updateName;
    }

    /** The update id, or null to have one generated. */
    public String getUpdateId() {
        return updateId;
    }

    public WorkflowUpdateStage getWaitForStage() {
        return waitForStage;
    }

    public Class<R> getResultClass() {
        return resultClass;
    }

    public Type getResultType() {
        return resultType;
    }

    /** Builds {@link UpdateOptions}. */
    public static final class Builder<R> {

        private String updateName;
        private String updateId;
        private WorkflowUpdateStage waitForStage = WorkflowUpdateStage.COMPLETED;
        private final Class<R> resultClass;
        private Type resultType;

        private Builder(Class<R> resultClass) {
            this.resultClass = resultClass;
        }

        public Builder<R> setUpdateName(String updateName) {
            this.updateName = updateName;
            return this;
        }

        public Builder<R> setUpdateId(String updateId) {
            this.updateId = updateId;
            return this;
        }

        public Builder<R> setWaitForStage(WorkflowUpdateStage waitForStage) {
            this.waitForStage = Objects.requireNonNull(waitForStage, "waitForStage");
            return this;
        }

        /** The generic type of the result, when {@code resultClass} alone does not say it (a list …). */
        public Builder<R> setResultType(Type resultType) {
            this.resultType = resultType;
            return this;
        }

        public UpdateOptions<R> build() {
            return new UpdateOptions<>(this);
        }
    }
}
