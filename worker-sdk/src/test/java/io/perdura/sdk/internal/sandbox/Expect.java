package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.worker.SandboxFinding.Kind;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * What the sandbox must report for a catalogue snippet: the kind, the call, a piece of the replacement,
 * and where (the class, default the snippet itself, and the method); the line is the one marked {@code
 * // flagged: <snippet name>} in the source.
 */
@Retention(RetentionPolicy.RUNTIME)
@interface Expect {
    Kind kind();

    String call();

    String replacement();

    String method() default "run";

    /** The simple binary name of the class making the call, when it is not the snippet ({@code Snippet$1}). */
    String in() default "";
}
