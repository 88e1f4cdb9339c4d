package io.perdura.spring;

import io.perdura.sdk.worker.NonDeterministicWorkflowException;
import io.perdura.sdk.worker.SandboxFinding;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the deterministic sandbox refused a {@link WorkflowImpl}: which
 * calls, where, and what to write instead, as Spring Boot's "APPLICATION FAILED TO START" report.
 */
class NonDeterministicWorkflowFailureAnalyzer extends AbstractFailureAnalyzer<NonDeterministicWorkflowException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NonDeterministicWorkflowException cause) {
        StringBuilder description = new StringBuilder("The workflow implementation ")
                .append(cause.getWorkflowClass())
                .append(" makes calls that break deterministic replay:\n");
        for (SandboxFinding finding : cause.getFindings()) {
            description.append("\n    ").append(finding);
        }
        String action = "Replace each call with the deterministic one named after 'use'. If a call is"
                + " deliberate and cannot change what the workflow decides, annotate its method with"
                + " @AllowNonDeterministic(\"reason\") or list it in perdura.worker.sandbox.allowed"
                + " (com.acme.Foo#bar, com.acme.Foo, com.acme.util.*). perdura.worker.sandbox.mode=warn only"
                + " logs the findings. See docs/sandbox.md.";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
