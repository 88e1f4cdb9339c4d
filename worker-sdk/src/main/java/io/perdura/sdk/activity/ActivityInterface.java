package io.perdura.sdk.activity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface of activities. Each method is one activity type: {@link #namePrefix()} plus the
 * {@link ActivityMethod#name()} or the method name capitalised ({@code charge} becomes {@code Charge}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActivityInterface {
    String namePrefix() default "";
}
