package io.perdura.sdk.worker;

/**
 * One call in workflow code that breaks deterministic replay, found by the sandbox in a class's bytecode.
 *
 * @param kind what sort of call it is
 * @param className the class making the call (binary name, {@code com.acme.Orders$1})
 * @param methodName the method making the call
 * @param sourceFile the source file the class was compiled from, or null when the class file does not say
 * @param line the source line, or -1 when the class file has no line numbers
 * @param call the call, as {@code java.lang.System.currentTimeMillis()} or {@code new java.util.Random()}
 * @param replacement what to write instead
 */
public record SandboxFinding(
        Kind kind, String className, String methodName, String sourceFile, int line, String call, String replacement) {

    /** The sorts of non-deterministic calls. */
    public enum Kind {
        /** Reads the wall clock: differs on replay. */
        WALL_CLOCK,
        /** Draws unseeded random numbers or ids: differ on replay. */
        RANDOMNESS,
        /** Starts or drives threads or executors outside the workflow's deterministic scheduler. */
        THREADS,
        /** Blocks the workflow thread outside the SDK (sleeps, locks, futures, latches). */
        BLOCKING,
        /** Takes a monitor ({@code synchronized}) or waits on one. */
        SYNCHRONIZATION,
        /** Files, sockets, HTTP, JDBC: results differ on replay and side effects repeat. */
        IO,
        /** Reads environment variables, system properties or host defaults. */
        ENVIRONMENT,
        /** Writes a static field outside a static initializer: state shared between runs. */
        STATIC_STATE,
        /** Iterates a HashMap or HashSet, whose order is not part of its contract. */
        HASH_ITERATION
    }

    /** The location, as a stack trace element would print it: {@code com.acme.Orders.run(Orders.java:42)}. */
    public String location() {
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return className + "." + methodName + "(" + (line > 0 ? file + ":" + line : file) + ")";
    }

    /**
     * One line: {@code [WALL_CLOCK] com.acme.Orders.run(Orders.java:42): java.lang.System.currentTimeMillis();
     * use Workflow.currentTimeMillis()}.
     */
    @Override
    public String toString() {
        return "[" + kind + "] " + location() + ": " + call + "; use " + replacement;
    }
}
