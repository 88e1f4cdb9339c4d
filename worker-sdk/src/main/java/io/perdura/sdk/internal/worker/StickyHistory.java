package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole history of a workflow task that came from the worker's sticky queue (ADR 28) carrying
 * only the events after the last one this worker saw: the cached run's history joined with them,
 * or, when the run is no longer cached (evicted, or a stale copy), read from the server page by
 * page, as Temporal's SDK does on a sticky cache miss.
 */
final class StickyHistory {

    private static final int PAGE_SIZE = 1000;

    private final PerduraHttp http;
    private final RpcRetryer retryer;

    StickyHistory(PerduraHttp http, RpcRetryer retryer) {
        this.http = http;
        this.retryer = retryer;
    }

    /** Whether {@code history} starts after event 1: a sticky task's new events only. */
    static boolean isPartial(List<HistoryEvent> history) {
        return !history.isEmpty() && history.getFirst().eventId() > 1;
    }

    /**
     * {@code cached}'s events before the first of {@code partial}, then {@code partial}; null when
     * {@code cached} does not reach the event before it.
     */
    static List<HistoryEvent> join(List<HistoryEvent> cached, List<HistoryEvent> partial) {
        long first = partial.getFirst().eventId();
        int keep = (int) (first - 1);
        if (cached == null || cached.size() < keep || cached.get(keep - 1).eventId() != first - 1) {
            return null;
        }
        List<HistoryEvent> joined = new ArrayList<>(keep + partial.size());
        joined.addAll(cached.subList(0, keep));
        joined.addAll(partial);
        return joined;
    }

    /** Events 1 to the last of {@code partial}, read from the server; throws when it has fewer. */
    List<HistoryEvent> fetch(String workflowId, String runId, List<HistoryEvent> partial) {
        long last = partial.getLast().eventId();
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String path = PerduraHttp.param(http.path(ApiPaths.WORKFLOW_HISTORY, workflowId), "runId", runId);
            path = PerduraHttp.param(path, "pageSize", Integer.toString(PAGE_SIZE));
            String page = PerduraHttp.param(path, "nextPageToken", token);
            HistoryPage read = retryer.call(
                    "GetWorkflowExecutionHistory",
                    attempt -> http.get(page, PerduraHttp.REQUEST_TIMEOUT).read(HistoryPage.class));
            for (HistoryEvent event : read.events()) {
                if (event.eventId() > last) {
                    return events;
                }
                events.add(event);
            }
            token = read.nextPageToken();
        } while (token != null && events.size() < last);
        if (events.size() < last) {
            throw new IllegalStateException("the server's history of run " + runId + " ends at event " + events.size()
                    + ", before the task's event " + last);
        }
        return events;
    }
}
