package io.perdura.frontend.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.perdura.common.api.ApiPaths;
import java.util.List;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the worker API (task polls, task answers, heartbeats, poll cancels) out of the {@code
 * http.server.requests} observation unless {@code perdura.frontend.observe-worker-requests} is on.
 * Those requests are most of a busy frontend's traffic, a long poll's duration is its timeout rather
 * than a latency, and what they do is measured where it happens ({@code perdura.history.*},
 * {@code perdura.matching.*}, the SDK's {@code perdura.request.*}); the control plane stays observed.
 */
public final class WorkerRequestObservations implements ObservationPredicate {

    private static final String NAMESPACES = ApiPaths.BASE + "/namespaces/";
    /** The first path segment after the namespace of every worker API path in {@link ApiPaths}. */
    private static final List<String> WORKER_RESOURCES =
            List.of("task-queues/", "workflow-tasks/", "activity-tasks/", "activities/", "query-tasks/");

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && isWorkerPath(request.getCarrier().getRequestURI()));
    }

    /** Whether {@code uri} is a path of the worker API. */
    static boolean isWorkerPath(String uri) {
        if (uri == null || !uri.startsWith(NAMESPACES)) {
            return false;
        }
        int slash = uri.indexOf('/', NAMESPACES.length());
        if (slash < 0) {
            return false;
        }
        for (String resource : WORKER_RESOURCES) {
            if (uri.startsWith(resource, slash + 1)) {
                return true;
            }
        }
        return false;
    }
}
