package io.perdura.sdk.internal.metrics;

import io.micrometer.core.instrument.Tags;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.PerduraFailure;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.time.Duration;

/**
 * Counts workflow outcomes and times activity executions, as the innermost worker interceptor. A
 * workflow's outcome is counted only when it happens, not when a replay goes through it again.
 */
public final class MetricsInterceptor implements WorkerInterceptor {

    private final SdkMetrics metrics;

    public MetricsInterceptor(SdkMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public void init(WorkflowOutboundCallsInterceptor outbound) {
                super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                    @Override
                    public void continueAsNew(ContinueAsNewInput input) {
                        outcome(SdkMetrics.WORKFLOW_CONTINUE_AS_NEW);
                        super.continueAsNew(input);
                    }
                });
            }

            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                WorkflowOutput output;
                try {
                    output = super.execute(input);
                } catch (CanceledFailure e) {
                    outcome(SdkMetrics.WORKFLOW_CANCELED);
                    throw e;
                } catch (PerduraFailure e) {
                    outcome(SdkMetrics.WORKFLOW_FAILED);
                    throw e;
                }
                outcome(SdkMetrics.WORKFLOW_COMPLETED);
                return output;
            }
        };
    }

    private void outcome(String name) {
        if (Workflow.isReplaying()) {
            return;
        }
        WorkflowInfo info = Workflow.getInfo();
        Tags tags = Tags.of(
                "namespace", info.getNamespace(),
                "task_queue", info.getTaskQueue(),
                "workflow_type", info.getWorkflowType());
        metrics.count(name, tags);
        if (info.getRunStartedTimestampMillis() > 0) {
            metrics.record(
                    SdkMetrics.WORKFLOW_ENDTOEND_LATENCY,
                    tags,
                    Duration.ofMillis(Math.max(0, Workflow.currentTimeMillis() - info.getRunStartedTimestampMillis())));
        }
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityInfo info;

            @Override
            public void init(ActivityExecutionContext context) {
                this.info = context.getInfo();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                Tags tags = Tags.of(
                        "namespace", info.getNamespace(),
                        "task_queue", info.getActivityTaskQueue(),
                        "workflow_type", info.getWorkflowType(),
                        "activity_type", info.getActivityType());
                long start = System.nanoTime();
                try {
                    return super.execute(input);
                } catch (Throwable e) {
                    metrics.count(
                            info.isLocal()
                                    ? SdkMetrics.LOCAL_ACTIVITY_EXECUTION_FAILED
                                    : SdkMetrics.ACTIVITY_EXECUTION_FAILED,
                            tags);
                    throw e;
                } finally {
                    metrics.recordNanos(
                            info.isLocal()
                                    ? SdkMetrics.LOCAL_ACTIVITY_EXECUTION_LATENCY
                                    : SdkMetrics.ACTIVITY_EXECUTION_LATENCY,
                            tags,
                            start);
                }
            }
        };
    }
}
