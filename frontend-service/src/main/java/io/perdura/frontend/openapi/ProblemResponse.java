package io.perdura.frontend.openapi;

import io.perdura.common.error.ErrorType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a problem+json response an operation may return, beyond the ones every operation may
 * return ({@code invalid-argument}, {@code internal}, {@code timeout}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The kind of error. */
    ErrorType value();

    /** When the operation answers with it. */
    String when();

    /** Container of repeated {@link ProblemResponse}s. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ProblemResponse[] value();
    }
}
