package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signals and queries as Temporal's users rely on them (a query sees every signal whose call
 * returned before it), signal-with-start, and how a start treats a workflow id in use.
 */
interface SignalsAndStartsConformance extends Conformance {

    /** Workflow type {@code SignalCounter}: counts {@code inc} signals until {@code stop}; query {@code count}. */
    @WorkflowInterface
    interface SignalCounter {
        @WorkflowMethod(name = "SignalCounter")
        int run();

        @SignalMethod(name = "inc")
        void inc();

        @SignalMethod(name = "stop")
        void stop();

        @QueryMethod(name = "count")
        int count();
    }

    /** The counter. */
    class SignalCounterWorkflow implements SignalCounter {
        private int count;
        private boolean stopped;

        @Override
        public int run() {
            Workflow.await(() -> stopped);
            return count;
        }

        @Override
        public void inc() {
            count++;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public int count() {
            return count;
        }
    }

    @Test
    default void aQuerySeesEverySignalWhoseCallReturnedBeforeIt() {
        startWorker(worker -> worker.registerWorkflowImplementationTypes(SignalCounterWorkflow.class));
        String id = Conformance.id("counter");
        start(id, "SignalCounter", "[]");

        List<Integer> stale = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            RestApi.Response signal = api().post(NS + "/workflows/" + id + "/signal/inc", "{\"input\":[]}");
            assertThat(signal.status()).as(signal.body()).isEqualTo(204);
            RestApi.Response query = api().post(NS + "/workflows/" + id + "/query/count", "{\"input\":[]}");
            assertThat(query.status()).as(query.body()).isEqualTo(200);
            if (query.json().get("result").asInt() != i) {
                stale.add(i);
            }
        }
        api().post(NS + "/workflows/" + id + "/signal/stop", "{\"input\":[]}");

        assertThat(stale).as("signals a query right after them did not see").isEmpty();
        assertThat(result(id).get("result").asInt()).isEqualTo(20);
    }

    @Test
    default void approvalStartsWithItsSignalThroughSignalWithStart() {
        startSamplesWorker();
        String id = Conformance.id("approval-sws");
        String body = "{\"workflowType\":\"Approval\",\"taskQueue\":\"" + queue()
                + "\",\"input\":[\"new laptop\"],\"signalInput\":[\"alice\"]}";

        RestApi.Response started = api().post(NS + "/workflows/" + id + "/signal-with-start/approve", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("started").asBoolean()).isTrue();

        assertThat(result(id).get("result").asString()).isEqualTo("approved by alice");
        assertThat(eventTypes(id))
                .startsWith("WorkflowExecutionStarted", "WorkflowExecutionSignaled", "WorkflowTaskScheduled");
    }

    @Test
    default void signalWithStartSignalsARunningWorkflowInsteadOfStartingAnother() {
        startWorker(worker -> worker.registerWorkflowImplementationTypes(SignalCounterWorkflow.class));
        String id = Conformance.id("counter-sws");
        String runId = start(id, "SignalCounter", "[]");
        String body = "{\"workflowType\":\"SignalCounter\",\"taskQueue\":\"" + queue() + "\",\"signalInput\":[]}";

        RestApi.Response signalled = api().post(NS + "/workflows/" + id + "/signal-with-start/inc", body);
        assertThat(signalled.status()).as(signalled.body()).isEqualTo(200);
        assertThat(signalled.json().get("started").asBoolean()).isFalse();
        assertThat(signalled.json().get("runId").asString()).isEqualTo(runId);
        api().post(NS + "/workflows/" + id + "/signal/stop", "{\"input\":[]}");

        assertThat(result(id).get("result").asInt()).isEqualTo(1);
    }

    @Test
    default void conflictAndReusePoliciesDecideWhatAStartDoes() {
        startSamplesWorker();
        String id = Conformance.id("policies");
        String runId = start(id, "Approval", "[\"x\"]");

        RestApi.Response existing = api().post(NS + "/workflows/" + id, startBody("USE_EXISTING", null));
        assertThat(existing.status()).as(existing.body()).isEqualTo(200);
        assertThat(existing.json().get("runId").asString()).isEqualTo(runId);
        assertThat(existing.json().get("started").asBoolean()).isFalse();

        RestApi.Response replaced = api().post(NS + "/workflows/" + id, startBody("TERMINATE_EXISTING", null));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        JsonNode old = api().get(NS + "/workflows/" + id + "?runId=" + runId).json();
        assertThat(old.get("status").asString()).isEqualTo("TERMINATED");

        api().post(NS + "/workflows/" + id + "/signal/approve", "{\"input\":[\"carol\"]}");
        assertThat(result(id).get("result").asString()).isEqualTo("approved by carol");
        RestApi.Response rejected = api().post(NS + "/workflows/" + id, startBody(null, "REJECT_DUPLICATE"));
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.json().get("type").asString()).endsWith("/already-started");
    }

    private String startBody(String conflictPolicy, String reusePolicy) {
        return "{\"workflowType\":\"Approval\",\"taskQueue\":\"" + queue() + "\",\"input\":[\"x\"]"
                + (conflictPolicy == null ? "" : ",\"workflowIdConflictPolicy\":\"" + conflictPolicy + "\"")
                + (reusePolicy == null ? "" : ",\"workflowIdReusePolicy\":\"" + reusePolicy + "\"") + "}";
    }
}
