package io.perdura.sdk.internal.client;

import io.perdura.sdk.client.BatchRequest;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.workflow.Functions;

/**
 * A {@link BatchRequest} that records, while each method reference runs, which typed stub method it
 * called with which arguments; {@link #execute} sends the start and the signal as one
 * signal-with-start.
 */
public final class SignalWithStartBatch implements BatchRequest {

    private static final ThreadLocal<SignalWithStartBatch> RECORDING = new ThreadLocal<>();

    private DefaultWorkflowStub stub;
    private Object[] startArgs;
    private String signalName;
    private Object[] signalArgs;

    /** The batch recording on this thread, or null. */
    static SignalWithStartBatch recording() {
        return RECORDING.get();
    }

    void recordStart(DefaultWorkflowStub target, Object[] args) {
        use(target);
        if (startArgs != null) {
            throw new IllegalArgumentException("a signal-with-start request takes one @WorkflowMethod call");
        }
        startArgs = args;
    }

    void recordSignal(DefaultWorkflowStub target, String name, Object[] args) {
        use(target);
        if (signalName != null) {
            throw new IllegalArgumentException("a signal-with-start request takes one @SignalMethod call");
        }
        signalName = name;
        signalArgs = args;
    }

    private void use(DefaultWorkflowStub target) {
        if (stub != null && stub != target) {
            throw new IllegalArgumentException("the calls of a signal-with-start request must use one workflow stub");
        }
        stub = target;
    }

    private void record(Runnable call) {
        RECORDING.set(this);
        try {
            call.run();
        } finally {
            RECORDING.remove();
        }
    }

    public WorkflowExecution execute() {
        if (stub == null || startArgs == null || signalName == null) {
            throw new IllegalArgumentException("a signal-with-start request needs a @WorkflowMethod call and a"
                    + " @SignalMethod call of a stub from WorkflowClient.newWorkflowStub(Class, WorkflowOptions)");
        }
        return stub.signalWithStart(signalName, signalArgs, startArgs);
    }

    @Override
    public void add(Functions.Proc request) {
        record(request::apply);
    }

    @Override
    public <A1> void add(Functions.Proc1<A1> request, A1 arg1) {
        record(() -> request.apply(arg1));
    }

    @Override
    public <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2) {
        record(() -> request.apply(arg1, arg2));
    }

    @Override
    public <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3) {
        record(() -> request.apply(arg1, arg2, arg3));
    }

    @Override
    public <A1, A2, A3, A4> void add(Functions.Proc4<A1, A2, A3, A4> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        record(() -> request.apply(arg1, arg2, arg3, arg4));
    }

    @Override
    public <A1, A2, A3, A4, A5> void add(
            Functions.Proc5<A1, A2, A3, A4, A5> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5));
    }

    @Override
    public <A1, A2, A3, A4, A5, A6> void add(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    @Override
    public <R> void add(Functions.Func<R> request) {
        record(request::apply);
    }

    @Override
    public <A1, R> void add(Functions.Func1<A1, R> request, A1 arg1) {
        record(() -> request.apply(arg1));
    }

    @Override
    public <A1, A2, R> void add(Functions.Func2<A1, A2, R> request, A1 arg1, A2 arg2) {
        record(() -> request.apply(arg1, arg2));
    }

    @Override
    public <A1, A2, A3, R> void add(Functions.Func3<A1, A2, A3, R> request, A1 arg1, A2 arg2, A3 arg3) {
        record(() -> request.apply(arg1, arg2, arg3));
    }

    @Override
    public <A1, A2, A3, A4, R> void add(
            Functions.Func4<A1, A2, A3, A4, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        record(() -> request.apply(arg1, arg2, arg3, arg4));
    }

    @Override
    public <A1, A2, A3, A4, A5, R> void add(
            Functions.Func5<A1, A2, A3, A4, A5, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5));
    }

    @Override
    public <A1, A2, A3, A4, A5, A6, R> void add(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        record(() -> request.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }
}
