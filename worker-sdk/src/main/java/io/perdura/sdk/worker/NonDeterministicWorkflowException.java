package io.perdura.sdk.worker;

import java.util.List;

/**
 * Thrown by workflow registration in {@link SandboxMode#STRICT} when the sandbox found calls that break
 * deterministic replay in a workflow implementation or in the application code it reaches; the workflow
 * type is not registered. The message lists every finding with its replacement.
 */
public final class NonDeterministicWorkflowException extends IllegalStateException {

    private final String workflowClass;
    private final List<SandboxFinding> findings;

    public NonDeterministicWorkflowException(String workflowClass, List<SandboxFinding> findings) {
        super(message(workflowClass, findings));
        this.workflowClass = workflowClass;
        this.findings = List.copyOf(findings);
    }

    /** The workflow implementation class that was refused. */
    public String getWorkflowClass() {
        return workflowClass;
    }

    /** What the sandbox found, in the order it found it. */
    public List<SandboxFinding> getFindings() {
        return findings;
    }

    static String message(String workflowClass, List<SandboxFinding> findings) {
        StringBuilder b = new StringBuilder("workflow implementation ")
                .append(workflowClass)
                .append(" is not deterministic: the sandbox found ")
                .append(findings.size())
                .append(findings.size() == 1 ? " call" : " calls")
                .append(" that break replay (see docs/sandbox.md; allow one on purpose with")
                .append(
                        " @AllowNonDeterministic(\"reason\") or the sandbox allow-list, or set the sandbox mode to WARN):");
        for (SandboxFinding finding : findings) {
            b.append("\n  - ").append(finding);
        }
        return b.toString();
    }
}
