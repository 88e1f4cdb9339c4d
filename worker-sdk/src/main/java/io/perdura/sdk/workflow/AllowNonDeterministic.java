package io.perdura.sdk.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the deterministic sandbox that a method (or every method of a class) of workflow code makes
 * calls it would flag, on purpose: its findings are not reported and the code it calls is not analysed.
 * Give the reason; it is the note the next reader needs. The runtime guard still fails a workflow task
 * whose code blocks outside the SDK.
 *
 * <pre>{@code
 * @AllowNonDeterministic("the cache only memoises a pure function; replay gives the same answers")
 * private static synchronized Rate rate(String currency) { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface AllowNonDeterministic {
    /** Why these calls cannot break replay. */
    String value();
}
