/** Writing workflows: the annotations of a workflow interface and {@link io.perdura.sdk.workflow.Workflow}, the deterministic replacements for clocks, randomness, sleeping and waiting. */
package io.perdura.sdk.workflow;
