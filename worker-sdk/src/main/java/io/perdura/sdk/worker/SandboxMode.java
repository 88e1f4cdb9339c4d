package io.perdura.sdk.worker;

/**
 * What the deterministic sandbox does with workflow code (see {@code docs/sandbox.md}): at registration it
 * reads the bytecode of each workflow implementation and of the application code it reaches, looking for calls
 * that break replay (wall-clock time, randomness, threads, I/O …); while workflow tasks run it fails a task
 * whose code blocks outside the SDK.
 */
public enum SandboxMode {
    /** A workflow type with findings is refused at registration; blocked workflow code fails its task. The default. */
    STRICT,
    /** Findings are logged once per workflow type, which is registered anyway; blocked workflow code fails its task. */
    WARN,
    /** No analysis and no runtime guard. */
    OFF
}
