package io.perdura.frontend.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.perdura.common.api.ApiPaths;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WorkerRequestObservationsTests {

    private final WorkerRequestObservations predicate = new WorkerRequestObservations();

    @Test
    void everyWorkerApiPathIsLeftOut() {
        for (String template : new String[] {
            ApiPaths.WORKFLOW_TASK_POLL,
            ApiPaths.WORKFLOW_TASK_COMPLETE,
            ApiPaths.WORKFLOW_TASK_FAIL,
            ApiPaths.ACTIVITY_TASK_POLL,
            ApiPaths.ACTIVITY_TASK_COMPLETE,
            ApiPaths.ACTIVITY_TASK_FAIL,
            ApiPaths.ACTIVITY_TASK_HEARTBEAT,
            ApiPaths.ACTIVITY_TASK_CANCEL,
            ApiPaths.ACTIVITY_COMPLETE_BY_ID,
            ApiPaths.ACTIVITY_FAIL_BY_ID,
            ApiPaths.ACTIVITY_HEARTBEAT_BY_ID,
            ApiPaths.ACTIVITY_CANCEL_BY_ID,
            ApiPaths.POLLS_CANCEL,
            ApiPaths.QUERY_TASK_COMPLETE
        }) {
            String path = ApiPaths.expand(template, "default", "orders");
            assertThat(predicate.test("http.server.requests", serverRequest(path)))
                    .as(path)
                    .isFalse();
        }
    }

    @Test
    void controlPlaneAndOtherRequestsStayObserved() {
        for (String path : new String[] {
            ApiPaths.expand(ApiPaths.WORKFLOW, "default", "task-queues"),
            ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", "w1"),
            ApiPaths.expand(ApiPaths.WORKFLOWS, "default"),
            "/api/v1/namespaces/task-queues",
            "/api/v1/namespaces",
            "/actuator/health",
            "/task-queues/q/workflow-tasks/poll"
        }) {
            assertThat(predicate.test("http.server.requests", serverRequest(path)))
                    .as(path)
                    .isTrue();
        }
    }

    @Test
    void otherObservationsAreUntouched() {
        assertThat(predicate.test("perdura.workflow", new Observation.Context()))
                .isTrue();
    }

    private static ServerRequestObservationContext serverRequest(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        return new ServerRequestObservationContext(request, new MockHttpServletResponse());
    }
}
