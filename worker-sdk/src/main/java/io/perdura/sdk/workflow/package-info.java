/**
 * Writing workflows: the annotations of a workflow interface; {@link io.perdura.sdk.workflow.Workflow},
 * the deterministic replacements for clocks, randomness, sleeping and waiting; {@link
 * io.perdura.sdk.workflow.Promise} and {@link io.perdura.sdk.workflow.Async} for work in parallel;
 * {@link io.perdura.sdk.workflow.CancellationScope} for canceling it; continue-as-new; child workflows
 * ({@link io.perdura.sdk.workflow.ChildWorkflowOptions}, {@link io.perdura.sdk.workflow.ChildWorkflowStub})
 * and signals and cancel requests to other workflows ({@link io.perdura.sdk.workflow.ExternalWorkflowStub}).
 */
package io.perdura.sdk.workflow;
