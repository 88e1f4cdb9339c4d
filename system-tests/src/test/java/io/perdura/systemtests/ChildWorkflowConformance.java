package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.model.ParentClosePolicy;
import io.perdura.samples.hello.GreetingsActivities;
import io.perdura.samples.hello.HelloWorkflow;
import io.perdura.samples.reminder.NotificationsActivities;
import io.perdura.samples.reminder.Reminder;
import io.perdura.samples.reminder.ReminderWorkflow;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Child workflows and work between workflows, end to end: the {@code Parent} sample, a child's
 * failure reaching its parent, parent close policies, signals to a child and to another workflow,
 * cancel requests of another workflow and of a child, a parent canceled while it waits for its
 * child, and a kill -9 of the server while a child runs.
 */
interface ChildWorkflowConformance extends Conformance {

    /** Workflow type {@code Sleeper}: waits for {@code wakeUp(text)} and returns {@code "woken: <text>"}; canceled, it closes CANCELED. */
    @WorkflowInterface
    interface Sleeper {
        @WorkflowMethod(name = "Sleeper")
        String sleep();

        @SignalMethod
        void wakeUp(String text);
    }

    /** The workflow. */
    class SleeperWorkflow implements Sleeper {
        private String text;

        @Override
        public String sleep() {
            Workflow.await(() -> text != null);
            return "woken: " + text;
        }

        @Override
        public void wakeUp(String text) {
            this.text = text;
        }
    }

    /** Workflow type {@code Broken}: fails with a non-retryable ApplicationFailure of type {@code Broken}. */
    @WorkflowInterface
    interface Broken {
        @WorkflowMethod(name = "Broken")
        String run(String why);
    }

    /** The workflow. */
    class BrokenWorkflow implements Broken {
        @Override
        public String run(String why) {
            throw ApplicationFailure.newNonRetryableFailure("broken: " + why, "Broken");
        }
    }

    /** Workflow type {@code Family}: does with its child {@code <workflowId>-child} (or another workflow) what {@code mode} says. */
    @WorkflowInterface
    interface Family {
        @WorkflowMethod(name = "Family")
        String run(String mode, String arg);
    }

    /** The workflow. */
    class FamilyWorkflow implements Family {

        private static ChildWorkflowOptions.Builder child() {
            return ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-child");
        }

        @Override
        public String run(String mode, String arg) {
            switch (mode) {
                case "fail-escape" -> {
                    return Workflow.newChildWorkflowStub(Broken.class, child().build())
                            .run(arg);
                }
                case "fail-catch" -> {
                    try {
                        return Workflow.newChildWorkflowStub(Broken.class, child().build())
                                .run(arg);
                    } catch (ChildWorkflowFailure e) {
                        ApplicationFailure cause = (ApplicationFailure) e.getCause();
                        return "caught " + cause.getType() + ": " + cause.getOriginalMessage() + " from "
                                + e.getExecution().workflowId();
                    }
                }
                case "hold" -> {
                    ParentClosePolicy policy = ParentClosePolicy.valueOf(arg);
                    Sleeper sleeper = Workflow.newChildWorkflowStub(
                            Sleeper.class, child().setParentClosePolicy(policy).build());
                    Async.function(sleeper::sleep);
                    String runId = Workflow.getWorkflowExecution(sleeper).get().runId();
                    if (policy == ParentClosePolicy.ABANDON) {
                        return "left " + runId;
                    }
                    Workflow.await(() -> false);
                    return "unreachable";
                }
                case "wait" -> {
                    return Workflow.newChildWorkflowStub(Sleeper.class, child().build())
                            .sleep();
                }
                case "signal" -> {
                    Sleeper sleeper = Workflow.newChildWorkflowStub(Sleeper.class, child().build());
                    Promise<String> woken = Async.function(sleeper::sleep);
                    sleeper.wakeUp("from parent");
                    Workflow.newExternalWorkflowStub(Sleeper.class, arg).wakeUp("from elsewhere");
                    String missing;
                    try {
                        Workflow.newExternalWorkflowStub(Sleeper.class, arg + "-missing")
                                .wakeUp("nobody");
                        missing = "delivered";
                    } catch (ApplicationFailure e) {
                        missing = e.getType();
                    }
                    return woken.get() + "; " + missing;
                }
                case "cancel" -> {
                    Workflow.newUntypedExternalWorkflowStub(arg).cancel("parent says stop");
                    String missing;
                    try {
                        Workflow.newUntypedExternalWorkflowStub(arg + "-missing")
                                .cancel();
                        missing = "requested";
                    } catch (ApplicationFailure e) {
                        missing = e.getType();
                    }
                    return "cancel requested; " + missing;
                }
                case "cancel-child" -> {
                    Sleeper sleeper = Workflow.newChildWorkflowStub(Sleeper.class, child().build());
                    List<Promise<String>> woken = new ArrayList<>();
                    CancellationScope scope =
                            Workflow.newCancellationScope(() -> woken.add(Async.function(sleeper::sleep)));
                    scope.run();
                    Workflow.getWorkflowExecution(sleeper).get();
                    scope.cancel("not needed");
                    try {
                        return woken.getFirst().get();
                    } catch (ChildWorkflowFailure e) {
                        return "child " + e.getCause().getClass().getSimpleName();
                    }
                }
                case "remind" -> {
                    return "parent: "
                            + Workflow.newChildWorkflowStub(Reminder.class, child().build())
                                    .remind("after the crash", Long.parseLong(arg));
                }
                default -> throw ApplicationFailure.newNonRetryableFailure("unknown mode " + mode, "BadMode");
            }
        }
    }

    /** A worker with {@code Family}, {@code Sleeper}, {@code Broken} and the samples they use. */
    private WorkerFactory startFamilyWorker() {
        return startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(
                    FamilyWorkflow.class,
                    SleeperWorkflow.class,
                    BrokenWorkflow.class,
                    ReminderWorkflow.class,
                    HelloWorkflow.class);
            worker.registerActivitiesImplementations(new GreetingsActivities(), new NotificationsActivities());
        });
    }

    private String startFamily(String workflowId, String mode, String arg) {
        return start(workflowId, "Family", "[\"" + mode + "\",\"" + arg + "\"]");
    }

    private long count(List<String> types, String type) {
        return types.stream().filter(type::equals).count();
    }

    private JsonNode lastEvent(String workflowId, String type) {
        JsonNode found = null;
        for (JsonNode event : api().get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events")) {
            if (event.get("eventType").asString().equals(type)) {
                found = event;
            }
        }
        assertThat(found).as("%s of %s", type, workflowId).isNotNull();
        return found;
    }

    private void awaitStatus(String workflowId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            RestApi.Response response = api().get(NS + "/workflows/" + workflowId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo(status);
        });
    }

    @Test
    default void parentStartsItsHelloChildrenInParallelAndJoinsTheirGreetings() {
        startSamplesWorker();
        String id = Conformance.id("parent");
        String runId = start(id, "Parent", "[2]");

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("Hello, child-1!; Hello, child-2!");
        List<String> types = eventTypes(id);
        int firstCompleted = types.indexOf("WorkflowTaskCompleted");
        assertThat(types.subList(firstCompleted + 1, firstCompleted + 3))
                .containsOnly("StartChildWorkflowExecutionInitiated");
        assertThat(count(types, "StartChildWorkflowExecutionInitiated")).isEqualTo(2);
        assertThat(count(types, "ChildWorkflowExecutionStarted")).isEqualTo(2);
        assertThat(count(types, "ChildWorkflowExecutionCompleted")).isEqualTo(2);
        for (int i = 1; i <= 2; i++) {
            String childId = id + "-child-" + i;
            JsonNode child = describe(childId);
            assertThat(child.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(child.get("parentExecution").get("workflowId").asString())
                    .isEqualTo(id);
            assertThat(child.get("parentExecution").get("runId").asString()).isEqualTo(runId);
            assertThat(result(childId).get("result").asString()).isEqualTo("Hello, child-" + i + "!");
        }
    }

    @Test
    default void aFailingChildsFailureReachesItsParentAsAChildWorkflowFailureWithTheCauseChain() {
        startFamilyWorker();
        String catching = Conformance.id("family-catch");
        String escaping = Conformance.id("family-escape");
        startFamily(catching, "fail-catch", "on purpose");
        startFamily(escaping, "fail-escape", "on purpose");

        assertThat(result(catching).get("result").asString())
                .isEqualTo("caught Broken: broken: on purpose from " + catching + "-child");
        JsonNode escaped = result(escaping);
        assertThat(escaped.get("status").asString()).isEqualTo("FAILED");
        JsonNode failure = escaped.get("failure");
        assertThat(failure.get("kind").asString()).isEqualTo("CHILD_WORKFLOW");
        assertThat(failure.get("details").get("workflowId").asString()).isEqualTo(escaping + "-child");
        assertThat(failure.get("details").get("workflowType").asString()).isEqualTo("Broken");
        assertThat(failure.get("cause").get("kind").asString()).isEqualTo("APPLICATION");
        assertThat(failure.get("cause").get("type").asString()).isEqualTo("Broken");
        assertThat(failure.get("cause").get("message").asString()).isEqualTo("broken: on purpose");
        assertThat(eventTypes(escaping)).contains("ChildWorkflowExecutionFailed");
        assertThatThrownBy(() -> client().newUntypedWorkflowStub(escaping).getResult(String.class))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(e.getCause()).isInstanceOfSatisfying(ChildWorkflowFailure.class, child -> {
                            assertThat(child.getWorkflowType()).isEqualTo("Broken");
                            assertThat(child.getCause())
                                    .isInstanceOfSatisfying(
                                            ApplicationFailure.class,
                                            cause -> assertThat(cause.getType()).isEqualTo("Broken"));
                        }));
    }

    @Test
    default void aTerminatedParentTerminatesItsChildAndAnAbandonedChildGoesOn() {
        startFamilyWorker();
        String terminating = Conformance.id("family-terminate");
        String abandoning = Conformance.id("family-abandon");
        startFamily(terminating, "hold", "TERMINATE");
        startFamily(abandoning, "hold", "ABANDON");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(terminating).contains("ChildWorkflowExecutionStarted"));

        RestApi.Response terminate =
                api().post(NS + "/workflows/" + terminating + "/terminate", "{\"reason\":\"parent stops\"}");
        assertThat(terminate.status()).as(terminate.body()).isIn(200, 202, 204);

        awaitStatus(terminating + "-child", "TERMINATED");
        assertThat(lastEvent(terminating + "-child", "WorkflowExecutionTerminated")
                        .get("attributes")
                        .get("reason")
                        .asString())
                .isEqualTo("by parent close policy");
        JsonNode left = result(abandoning);
        assertThat(left.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(left.get("result").asString())
                .isEqualTo(
                        "left " + describe(abandoning + "-child").get("runId").asString());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        describe(abandoning + "-child").get("status").asString().equals("RUNNING"));
        RestApi.Response wake =
                api().post(NS + "/workflows/" + abandoning + "-child/signal/wakeUp", "{\"input\":[\"later\"]}");
        assertThat(wake.status()).as(wake.body()).isEqualTo(204);
        assertThat(result(abandoning + "-child").get("result").asString()).isEqualTo("woken: later");
    }

    @Test
    default void aParentSignalsItsChildAndAnotherWorkflow() {
        startFamilyWorker();
        String other = Conformance.id("sleeper");
        start(other, "Sleeper", "[]");
        String id = Conformance.id("family-signal");
        String runId = startFamily(id, "signal", other);

        assertThat(result(id).get("result").asString())
                .isEqualTo("woken: from parent; EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND");
        assertThat(result(other).get("result").asString()).isEqualTo("woken: from elsewhere");
        JsonNode signaled = lastEvent(other, "WorkflowExecutionSignaled").get("attributes");
        assertThat(signaled.get("externalWorkflowExecution").get("workflowId").asString())
                .isEqualTo(id);
        assertThat(signaled.get("externalWorkflowExecution").get("runId").asString())
                .isEqualTo(runId);
        List<String> types = eventTypes(id);
        assertThat(count(types, "SignalExternalWorkflowExecutionInitiated")).isEqualTo(3);
        assertThat(count(types, "ExternalWorkflowExecutionSignaled")).isEqualTo(2);
        assertThat(count(types, "SignalExternalWorkflowExecutionFailed")).isEqualTo(1);
        assertThat(lastEvent(id + "-child", "WorkflowExecutionSignaled")
                        .get("attributes")
                        .get("signalName")
                        .asString())
                .isEqualTo("wakeUp");
    }

    @Test
    default void aParentAsksAnotherWorkflowToCancel() {
        startFamilyWorker();
        String other = Conformance.id("sleeper");
        start(other, "Sleeper", "[]");
        String id = Conformance.id("family-cancel");
        String runId = startFamily(id, "cancel", other);

        assertThat(result(id).get("result").asString())
                .isEqualTo("cancel requested; EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND");
        assertThat(result(other).get("status").asString()).isEqualTo("CANCELED");
        JsonNode requested =
                lastEvent(other, "WorkflowExecutionCancelRequested").get("attributes");
        assertThat(requested.get("cause").asString()).isEqualTo("parent says stop");
        assertThat(requested.get("externalWorkflowExecution").get("workflowId").asString())
                .isEqualTo(id);
        assertThat(requested.get("externalWorkflowExecution").get("runId").asString())
                .isEqualTo(runId);
        List<String> types = eventTypes(id);
        assertThat(count(types, "RequestCancelExternalWorkflowExecutionInitiated"))
                .isEqualTo(2);
        assertThat(count(types, "ExternalWorkflowExecutionCancelRequested")).isEqualTo(1);
        assertThat(count(types, "RequestCancelExternalWorkflowExecutionFailed")).isEqualTo(1);
    }

    @Test
    default void aChildCanceledThroughItsScopeAndAChildOfACanceledParentCloseCanceled() {
        startFamilyWorker();
        String canceling = Conformance.id("family-cancel-child");
        String waiting = Conformance.id("family-wait");
        startFamily(canceling, "cancel-child", "");
        startFamily(waiting, "wait", "");

        assertThat(result(canceling).get("result").asString()).isEqualTo("child CanceledFailure");
        assertThat(describe(canceling + "-child").get("status").asString()).isEqualTo("CANCELED");
        assertThat(eventTypes(canceling))
                .containsSubsequence(
                        "ChildWorkflowExecutionStarted",
                        "RequestCancelExternalWorkflowExecutionInitiated",
                        "ExternalWorkflowExecutionCancelRequested",
                        "ChildWorkflowExecutionCanceled",
                        "WorkflowExecutionCompleted");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(waiting).contains("ChildWorkflowExecutionStarted"));
        RestApi.Response cancel = api().post(NS + "/workflows/" + waiting + "/cancel", "{\"reason\":\"not needed\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(result(waiting).get("status").asString()).isEqualTo("CANCELED");
        assertThat(describe(waiting + "-child").get("status").asString()).isEqualTo("CANCELED");
        assertThat(eventTypes(waiting))
                .containsSubsequence(
                        "WorkflowExecutionCancelRequested",
                        "RequestCancelExternalWorkflowExecutionInitiated",
                        "ChildWorkflowExecutionCanceled",
                        "WorkflowExecutionCanceled");
    }

    @Test
    default void aKillDashNineOfTheServerWhileAChildRunsLosesNothing() {
        startFamilyWorker();
        String id = Conformance.id("family-crash");
        startFamily(id, "remind", "4");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(id).contains("ChildWorkflowExecutionStarted")
                        && eventTypes(id + "-child").contains("TimerStarted"));

        server().kill();
        server().start();

        JsonNode result = result(id);
        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("parent: Reminder: after the crash");
        List<String> types = eventTypes(id);
        assertThat(count(types, "StartChildWorkflowExecutionInitiated")).isEqualTo(1);
        assertThat(count(types, "ChildWorkflowExecutionStarted")).isEqualTo(1);
        assertThat(count(types, "ChildWorkflowExecutionCompleted")).isEqualTo(1);
        assertThat(types.getLast()).isEqualTo("WorkflowExecutionCompleted");
        List<String> childTypes = eventTypes(id + "-child");
        assertThat(count(childTypes, "TimerFired")).isEqualTo(1);
        assertThat(count(childTypes, "ActivityTaskCompleted")).isEqualTo(1);
    }
}
