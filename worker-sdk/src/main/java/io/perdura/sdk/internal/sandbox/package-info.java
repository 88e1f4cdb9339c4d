/**
 * The deterministic sandbox: reads the bytecode of workflow implementations and the application code they
 * reach (ASM), matches their calls against the rules of what breaks replay, and applies the worker's
 * {@link io.perdura.sdk.worker.SandboxMode} at registration. The runtime guard lives in the scheduler
 * ({@code internal.replay}). See {@code docs/sandbox.md}.
 */
package io.perdura.sdk.internal.sandbox;
