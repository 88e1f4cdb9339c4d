package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.sdk.internal.statemachines.TimerStateMachine;
import io.perdura.sdk.workflow.Promise;
import java.time.Duration;

/** The durable timers of a run: each a StartTimer command whose promise completes when it fires or fails when canceled. */
final class Timers {

    private final WorkflowRunContext context;
    private int timerSeq;

    Timers(WorkflowRunContext context) {
        this.context = context;
    }

    /** A timer in the current scope; a duration that is not positive gives a completed promise and no command. */
    Promise<Void> newTimer(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return Promises.completed(null);
        }
        return start(duration);
    }

    /** A timer in the current scope, whatever its duration. */
    Promise<Void> start(Duration duration) {
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        DefaultCompletablePromise<Void> promise = new DefaultCompletablePromise<>();
        Cancellable[] cancellable = new Cancellable[1];
        TimerStateMachine timer = new TimerStateMachine(
                new Command.StartTimer(String.valueOf(++timerSeq), duration),
                (result, failure) -> context.deliver("timer", promise, () -> {
                    scope.unregister(cancellable[0]);
                    if (failure != null) {
                        promise.completeExceptionally(failure);
                    } else {
                        promise.complete(null);
                    }
                }));
        context.addCommand(timer);
        cancellable[0] = reason -> context.applyCancel(timer, timer.cancel(reason));
        scope.register(cancellable[0]);
        return promise;
    }
}
