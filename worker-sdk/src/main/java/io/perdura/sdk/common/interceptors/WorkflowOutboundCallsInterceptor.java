package io.perdura.sdk.common.interceptors;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.ContinueAsNewOptions;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Type;

/**
 * The calls workflow code makes that leave the workflow: activities, local activities and child
 * workflows and continue-as-new, each with a {@link Header} an interceptor may add to before calling the next one. Runs in
 * workflow code, again on every replay (a replayed call's header is the one history recorded: what
 * an interceptor puts into it on replay is not sent). Extend {@link
 * WorkflowOutboundCallsInterceptorBase} to override only what you need.
 */
public interface WorkflowOutboundCallsInterceptor {

    /** An activity call: its type, arguments, options, result type and header. */
    record ActivityInput(
            String activityType,
            Object[] arguments,
            ActivityOptions options,
            Class<?> resultClass,
            Type resultType,
            Header header) {}

    /** The activity's result, when it comes. */
    record ActivityOutput(Promise<Object> result) {}

    /** A local activity call: its type, arguments, options, result type and header. */
    record LocalActivityInput(
            String activityType,
            Object[] arguments,
            LocalActivityOptions options,
            Class<?> resultClass,
            Type resultType,
            Header header) {}

    /** The local activity's result, when it comes. */
    record LocalActivityOutput(Promise<Object> result) {}

    /** A child workflow start: its type, options, arguments, result type and header. */
    record ChildWorkflowInput(
            String workflowType,
            ChildWorkflowOptions options,
            Object[] arguments,
            Class<?> resultClass,
            Type resultType,
            Header header) {}

    /** The child's execution once it started, and its result. */
    record ChildWorkflowOutput(Promise<WorkflowExecution> execution, Promise<Object> result) {}

    /**
     * A continue-as-new: the new run's type (null: this run's), options, arguments and header (empty:
     * the new run keeps this run's header).
     */
    record ContinueAsNewInput(String workflowType, ContinueAsNewOptions options, Object[] arguments, Header header) {}

    /** Schedules an activity. */
    ActivityOutput executeActivity(ActivityInput input);

    /** Runs a local activity. */
    LocalActivityOutput executeLocalActivity(LocalActivityInput input);

    /** Starts a child workflow. */
    ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input);

    /** Closes the run and starts the next; never returns. */
    void continueAsNew(ContinueAsNewInput input);
}
