package io.perdura.sdk.internal.replay;

/**
 * Reads where a workflow coroutine's thread is stuck, for the sandbox's runtime guard: a thread parked,
 * sleeping or waiting for a monitor (or inside a native I/O call) in a JDK method called from workflow code
 * has escaped the deterministic scheduler. The SDK's own waits (all in the coroutine's await) never count.
 */
final class BlockedCalls {

    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private BlockedCalls() {}

    /**
     * The blocked call, as {@code java.lang.Thread.sleep called at com.acme.Orders.run(Orders.java:42)}, or null
     * when {@code thread} is running or waits inside the SDK.
     */
    static String of(Thread thread) {
        Thread.State state = thread.getState();
        boolean waiting =
                state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
        StackTraceElement[] stack = thread.getStackTrace();
        if (stack.length == 0 || !(waiting || state == Thread.State.RUNNABLE && nativeIo(stack[0]))) {
            return null;
        }
        int caller = 0;
        while (caller < stack.length && jdk(stack[caller].getClassName())) {
            caller++;
        }
        if (caller == stack.length
                || stack[caller].getClassName().equals(DeterministicScheduler.Coroutine.class.getName())) {
            return null;
        }
        String at = stack[caller].toString();
        if (caller == 0) {
            return "a monitor (synchronized) at " + at;
        }
        StackTraceElement call = stack[caller - 1];
        return call.getClassName() + "." + call.getMethodName() + " called at " + at;
    }

    private static boolean nativeIo(StackTraceElement top) {
        String c = top.getClassName();
        return top.isNativeMethod()
                && (c.startsWith("java.io.") || c.startsWith("java.net.") || c.startsWith("sun.nio."));
    }

    private static boolean jdk(String className) {
        for (String prefix : JDK) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
