package io.perdura.frontend.workflow;

import io.perdura.common.api.HistoryPage;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.frontend.backend.Backends;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The {@code format=json} download of a run's history: every page read and answered as one {@link
 * HistoryPage} without a {@code nextPageToken}, as an attachment {@code <workflowId>-<runId>.json} —
 * the file {@code WorkflowReplayer} replays (it reads the run's ids from that name).
 */
final class HistoryDownload {

    static final String FORMAT_JSON = "json";

    private HistoryDownload() {}

    /** Checks {@code format}: absent (one page) or {@value #FORMAT_JSON} (the download). */
    static boolean requested(String format) {
        if (format == null) {
            return false;
        }
        if (!FORMAT_JSON.equals(format)) {
            throw PerduraException.invalidArgument(
                    "format must be json (the whole history as a download), was '" + format + "'");
        }
        return true;
    }

    static ResponseEntity<HistoryPage> download(Backends backends, String namespace, String workflowId, String runId) {
        // the run is pinned first, so every page belongs to the same run even if a new one starts meanwhile
        String run = runId != null
                ? runId
                : backends.await(
                                backends.history()
                                        .describeWorkflowExecution(
                                                new DescribeWorkflowExecution(namespace, workflowId, null)),
                                "history (describe)")
                        .runId();
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            HistoryPage page = backends.await(
                    backends.history()
                            .getWorkflowExecutionHistory(new GetWorkflowExecutionHistory(
                                    namespace, workflowId, run, WorkflowController.DEFAULT_HISTORY_PAGE_SIZE, token)),
                    "history (history)");
            events.addAll(page.events());
            token = page.nextPageToken();
        } while (token != null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(workflowId + "-" + run + ".json")
                                .build()
                                .toString())
                .body(new HistoryPage(List.copyOf(events), null));
    }
}
