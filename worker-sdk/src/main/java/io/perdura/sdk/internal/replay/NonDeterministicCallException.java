package io.perdura.sdk.internal.replay;

/**
 * The sandbox's runtime guard caught a workflow coroutine blocked outside the SDK (a real {@code
 * Thread.sleep}, blocking I/O, a lock, a future of an uncontrolled thread): the workflow task fails with cause
 * NON_DETERMINISTIC_CALL and is retried; the run stays open.
 */
public final class NonDeterministicCallException extends RuntimeException {

    /** The failure type the workflow task fails with. */
    public static final String TYPE = "NonDeterministicCall";

    NonDeterministicCallException(String coroutine, String call) {
        super(TYPE + ": workflow code blocked outside the SDK in " + call + " (coroutine " + coroutine
                + "); block only through Workflow methods: Workflow.sleep, Workflow.await, Promise.get, or"
                + " move the call into an activity (see docs/sandbox.md)");
    }
}
