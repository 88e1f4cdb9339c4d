package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.internal.statemachines.ActivityStateMachine;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;

/** Schedules the activities of a run: one ScheduleActivityTask command each, registered with the current scope. */
final class ActivityCalls {

    private final WorkflowRunContext context;
    private int activitySeq;

    ActivityCalls(WorkflowRunContext context) {
        this.context = context;
    }

    Promise<Object> schedule(
            String activityType,
            Object[] args,
            ActivityOptions options,
            Class<?> returnType,
            Type genericReturnType,
            JsonNode header) {
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        String queue = options.getTaskQueue() != null
                ? options.getTaskQueue()
                : context.info().taskQueue();
        Command.ScheduleActivityTask command = new Command.ScheduleActivityTask(
                String.valueOf(++activitySeq),
                activityType,
                queue,
                context.dataConverter().toPayloads(args),
                options.getScheduleToCloseTimeout(),
                options.getScheduleToStartTimeout(),
                options.getStartToCloseTimeout(),
                options.getHeartbeatTimeout(),
                options.getRetryOptions() == null
                        ? null
                        : options.getRetryOptions().toRetryPolicy(),
                header);
        DefaultCompletablePromise<Object> promise = new DefaultCompletablePromise<>();
        Cancellable[] cancellable = new Cancellable[1];
        ActivityStateMachine activity = new ActivityStateMachine(
                command,
                options.getCancellationType(),
                (result, failure) -> context.deliver("activity", promise, () -> {
                    scope.unregister(cancellable[0]);
                    if (failure != null) {
                        promise.completeExceptionally(failure);
                        return;
                    }
                    Object value;
                    try {
                        value = context.dataConverter().fromPayload(result, returnType, genericReturnType);
                    } catch (RuntimeException e) {
                        promise.completeExceptionally(e);
                        return;
                    }
                    promise.complete(value);
                }));
        context.addCommand(activity);
        cancellable[0] = reason -> context.applyCancel(activity, activity.cancel(reason));
        scope.register(cancellable[0]);
        return promise;
    }
}
