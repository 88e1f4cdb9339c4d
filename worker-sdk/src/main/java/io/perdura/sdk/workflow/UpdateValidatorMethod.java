package io.perdura.sdk.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The validator of the update {@link #updateName()}: it takes the update's arguments, returns void,
 * and throws to reject the update, which then leaves no trace in history. It must not change the
 * workflow's state or block. Without a validator every update is accepted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdateValidatorMethod {
    /** The name of the update this method validates (its {@link UpdateMethod#name()}, or its method name). */
    String updateName();
}
