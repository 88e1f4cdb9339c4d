package io.perdura.frontend.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelPollsRequest;
import io.perdura.common.service.MatchingRequest.CancelPolls;
import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.validation.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A worker that shuts down cancels its waiting long polls here, so matching hands no task to a poll
 * whose answer nobody reads (that task would otherwise sit started until its timeout).
 */
@RestController
@Tag(name = "Workers")
class PollsController {

    private final Backends backends;

    PollsController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.POLLS_CANCEL)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "cancelPolls",
            summary = "Cancel a worker's polls",
            description = "Answers every waiting workflow and activity task poll made on this task queue with"
                    + " `identity` with no task (204). Workers call it as they shut down.")
    @ApiResponse(responseCode = "204", description = "The polls were answered")
    void cancel(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Task queue") String taskQueue,
            @RequestBody CancelPollsRequest body) {
        Validate.name("namespace", namespace);
        Validate.name("taskQueue", taskQueue);
        CancelPollsRequest request = Validate.body(body);
        Validate.name("identity", request.identity());
        backends.await(
                CompletableFuture.allOf(
                        backends.matching()
                                .cancelPolls(new CancelPolls(
                                        namespace, taskQueue, TaskQueueKind.WORKFLOW, request.identity())),
                        backends.matching()
                                .cancelPolls(new CancelPolls(
                                        namespace, taskQueue, TaskQueueKind.ACTIVITY, request.identity()))),
                "matching (cancel polls)");
    }
}
