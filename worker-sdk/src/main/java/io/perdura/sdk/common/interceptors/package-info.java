/**
 * Interceptors (Temporal's shape): {@link io.perdura.sdk.common.interceptors.WorkerInterceptor}
 * wraps the calls into workflow code and activities on a worker, {@link
 * io.perdura.sdk.common.interceptors.WorkflowClientInterceptor} the client's calls. They pass context
 * along in a {@link io.perdura.sdk.common.interceptors.Header}: a client's start header reaches the
 * workflow, a workflow's activity and child headers reach the activity and the child. Interceptors
 * that run in workflow code run again on every replay and must be as deterministic as the workflow.
 */
package io.perdura.sdk.common.interceptors;
