package io.perdura.sdk.client;

import io.perdura.sdk.workflow.Functions;

/**
 * The calls of one signal-with-start, recorded from a typed stub's method references: the
 * {@code @WorkflowMethod} (the start) and the {@code @SignalMethod} (the signal), as in Temporal:
 *
 * <pre>{@code
 * BatchRequest request = client.newSignalWithStartRequest();
 * request.add(approval::request, "new laptop");
 * request.add(approval::approve, "alice");
 * WorkflowExecution run = client.signalWithStart(request);
 * }</pre>
 */
public interface BatchRequest {

    void add(Functions.Proc request);

    <A1> void add(Functions.Proc1<A1> request, A1 arg1);

    <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2);

    <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3);

    <A1, A2, A3, A4> void add(Functions.Proc4<A1, A2, A3, A4> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

    <A1, A2, A3, A4, A5> void add(
            Functions.Proc5<A1, A2, A3, A4, A5> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5);

    <A1, A2, A3, A4, A5, A6> void add(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6);

    <R> void add(Functions.Func<R> request);

    <A1, R> void add(Functions.Func1<A1, R> request, A1 arg1);

    <A1, A2, R> void add(Functions.Func2<A1, A2, R> request, A1 arg1, A2 arg2);

    <A1, A2, A3, R> void add(Functions.Func3<A1, A2, A3, R> request, A1 arg1, A2 arg2, A3 arg3);

    <A1, A2, A3, A4, R> void add(Functions.Func4<A1, A2, A3, A4, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

    <A1, A2, A3, A4, A5, R> void add(
            Functions.Func5<A1, A2, A3, A4, A5, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5);

    <A1, A2, A3, A4, A5, A6, R> void add(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> request, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6);
}
