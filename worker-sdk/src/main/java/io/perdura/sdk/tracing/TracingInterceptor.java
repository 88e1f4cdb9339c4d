package io.perdura.sdk.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.Header;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Observations (spans, with micrometer-tracing) of Perdura's calls, named like Temporal's
 * opentracing module: {@code StartWorkflow:<type>}, {@code SignalWithStartWorkflow:<type>}, {@code
 * SignalWorkflow:<signal>} and {@code QueryWorkflow:<query>} on the client; {@code
 * RunWorkflow:<type>} for a run (started once, when the run first executes, not again when a replay
 * goes through it); {@code StartActivity:<type>}, {@code StartLocalActivity:<type>}, {@code
 * StartChildWorkflow:<type>} and {@code ContinueAsNew:<type>} in the workflow; {@code
 * RunActivity:<type>} on the activity worker; {@code HandleSignal:<signal>}, a child of the client's
 * {@code SignalWorkflow}, for each signal the workflow handles outside replay. The trace context goes from each start to the other
 * side in the call's {@link Header} (W3C {@code traceparent} with the OpenTelemetry bridge): the
 * client's start is the parent of the run, the run of each activity's and child's start, and those
 * of the activity's execution and of the child's run. Register one instance as both a worker and a
 * client interceptor. Observation name: {@value #OBSERVATION_NAME}, with low-cardinality keys
 * {@code perdura.operation}, {@code perdura.namespace}, {@code perdura.task_queue} and the type.
 */
public final class TracingInterceptor implements WorkerInterceptor, WorkflowClientInterceptor {

    /** The name of every observation this interceptor makes (the span name is the contextual name). */
    public static final String OBSERVATION_NAME = "perdura";

    private final ObservationRegistry registry;

    public TracingInterceptor(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private static SenderContext<Header> sender(Header header) {
        SenderContext<Header> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
        context.setCarrier(header);
        return context;
    }

    private static ReceiverContext<Header> receiver(Header header) {
        ReceiverContext<Header> context = new ReceiverContext<>((carrier, key) -> carrier.getString(key));
        context.setCarrier(header);
        return context;
    }

    private Observation observation(
            String operation, String subject, Supplier<? extends Observation.Context> context, String typeKey) {
        return Observation.createNotStarted(OBSERVATION_NAME, context, registry)
                .contextualName(operation + ":" + subject)
                .lowCardinalityKeyValue("perdura.operation", operation)
                .lowCardinalityKeyValue(typeKey, String.valueOf(subject));
    }

    // ---- client ------------------------------------------------------------------------------

    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
            @Override
            public WorkflowStartOutput start(WorkflowStartInput input) {
                return observation(
                                "StartWorkflow",
                                input.workflowType(),
                                () -> sender(input.header()),
                                "perdura.workflow_type")
                        .observe(() -> super.start(input));
            }

            @Override
            public WorkflowStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
                return observation(
                                "SignalWithStartWorkflow",
                                input.start().workflowType(),
                                () -> sender(input.start().header()),
                                "perdura.workflow_type")
                        .observe(() -> super.signalWithStart(input));
            }

            @Override
            public void signal(WorkflowSignalInput input) {
                observation("SignalWorkflow", input.signalName(), () -> sender(input.header()), "perdura.signal_name")
                        .observe(() -> super.signal(input));
            }

            @Override
            public QueryOutput query(QueryInput input) {
                return observation("QueryWorkflow", input.queryType(), Observation.Context::new, "perdura.query_type")
                        .observe(() -> super.query(input));
            }
        };
    }

    // ---- workflow -----------------------------------------------------------------------------

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowTracing(next);
    }

    /** The tracing of one run: its RunWorkflow observation is the parent of what it starts. */
    private final class WorkflowTracing extends WorkflowInboundCallsInterceptorBase {
        private Header startHeader = Header.empty();
        private Observation run;

        WorkflowTracing(WorkflowInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(WorkflowOutboundCallsInterceptor outbound) {
            super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                @Override
                public ActivityOutput executeActivity(ActivityInput input) {
                    return start(
                            "StartActivity", input.activityType(), input.header(), () -> super.executeActivity(input));
                }

                @Override
                public LocalActivityOutput executeLocalActivity(LocalActivityInput input) {
                    return start(
                            "StartLocalActivity",
                            input.activityType(),
                            input.header(),
                            () -> super.executeLocalActivity(input));
                }

                @Override
                public ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input) {
                    return start(
                            "StartChildWorkflow",
                            input.workflowType(),
                            input.header(),
                            () -> super.executeChildWorkflow(input));
                }

                @Override
                public void continueAsNew(ContinueAsNewInput input) {
                    String type = input.workflowType() != null
                            ? input.workflowType()
                            : Workflow.getInfo().getWorkflowType();
                    if (!Workflow.isReplaying()) {
                        Observation observation = workflowObservation("ContinueAsNew", type, input.header());
                        observation.start();
                        observation.stop();
                        stopRun(null);
                    }
                    super.continueAsNew(input);
                }
            });
        }

        /**
         * The observation of a start: made and stopped around the call outside replay (a replayed
         * call sends nothing), its context put into {@code header}.
         */
        private <T> T start(String operation, String type, Header header, Supplier<T> call) {
            if (Workflow.isReplaying()) {
                return call.get();
            }
            Observation observation = workflowObservation(operation, type, header);
            return observation.observe(call);
        }

        private Observation workflowObservation(String operation, String type, Header header) {
            WorkflowInfo info = Workflow.getInfo();
            return observation(operation, type, () -> sender(header), "perdura.type")
                    .lowCardinalityKeyValue("perdura.namespace", info.getNamespace())
                    .lowCardinalityKeyValue("perdura.task_queue", info.getTaskQueue())
                    .parentObservation(run());
        }

        /** The run's observation, started the first time this worker runs the run's code live. */
        private Observation run() {
            if (run == null && !Workflow.isReplaying()) {
                WorkflowInfo info = Workflow.getInfo();
                run = observation(
                                "RunWorkflow",
                                info.getWorkflowType(),
                                () -> receiver(startHeader),
                                "perdura.workflow_type")
                        .lowCardinalityKeyValue("perdura.namespace", info.getNamespace())
                        .lowCardinalityKeyValue("perdura.task_queue", info.getTaskQueue())
                        .start();
            }
            return run;
        }

        private void stopRun(Throwable failure) {
            if (run != null) {
                if (failure != null) {
                    run.error(failure);
                }
                run.stop();
                run = null;
            }
        }

        @Override
        public void handleSignal(SignalInput input) {
            if (Workflow.isReplaying()) {
                super.handleSignal(input);
                return;
            }
            WorkflowInfo info = Workflow.getInfo();
            observation("HandleSignal", input.signalName(), () -> receiver(input.header()), "perdura.signal_name")
                    .lowCardinalityKeyValue("perdura.namespace", info.getNamespace())
                    .lowCardinalityKeyValue("perdura.task_queue", info.getTaskQueue())
                    .observe(() -> super.handleSignal(input));
        }

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            startHeader = input.header();
            run();
            try {
                WorkflowOutput output = super.execute(input);
                if (!Workflow.isReplaying()) {
                    stopRun(null);
                }
                return output;
            } catch (RuntimeException e) {
                if (!Workflow.isReplaying()) {
                    stopRun(e);
                }
                throw e;
            } catch (Error e) {
                // the run's code is unwound (the run left the cache) or broke: its span ends here,
                // without asking the workflow anything
                stopRun(null);
                throw e;
            }
        }
    }

    // ---- activity -----------------------------------------------------------------------------

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
                return observation(
                                info.isLocal() ? "RunLocalActivity" : "RunActivity",
                                info.getActivityType(),
                                () -> receiver(input.header()),
                                "perdura.activity_type")
                        .lowCardinalityKeyValue("perdura.namespace", info.getNamespace())
                        .lowCardinalityKeyValue("perdura.task_queue", info.getActivityTaskQueue())
                        .observe(() -> super.execute(input));
            }
        };
    }
}
