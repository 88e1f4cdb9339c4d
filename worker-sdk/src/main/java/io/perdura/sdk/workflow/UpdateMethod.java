package io.perdura.sdk.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An update handler (Temporal's Update): the workflow validates the update (see {@link
 * UpdateValidatorMethod}), runs this method, and the caller gets what it returns (or the failure it
 * throws). Unlike a signal it may return a value and may block; unlike a query it may change the
 * workflow's state. The update name is {@link #name()} or the method name. On a client's typed stub,
 * calling it sends the update and waits for its result.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdateMethod {
    String name() default "";
}
