package io.perdura.frontend.problem;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with a JSON body in the API's words: a value of the wrong JSON kind names the
 * kind expected ("expected a string"), and no Java type name reaches the client.
 */
final class JsonBodyProblems {

    /** A back-quoted Java type as Jackson names it: {@code `java.lang.String`}, {@code `JsonToken.START_OBJECT`}. */
    private static final Pattern QUOTED_TYPE = Pattern.compile("`(?:[\\w$]+\\.)*([\\w$]+)`");

    private JsonBodyProblems() {}

    /** What is wrong, without the location (the caller adds it). */
    static String describe(JacksonException error) {
        if (error instanceof MismatchedInputException mismatch
                && !(error instanceof InvalidTypeIdException)
                && mismatch.getTargetType() != null) {
            String expected = "expected " + jsonKind(mismatch.getTargetType());
            return error instanceof InvalidFormatException invalid
                    ? expected + ", was '" + invalid.getValue() + "'"
                    : expected;
        }
        return QUOTED_TYPE.matcher(String.valueOf(error.getOriginalMessage())).replaceAll("$1");
    }

    private static String jsonKind(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "a duration such as 10s";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp such as 2026-01-02T03:04:05Z";
        }
        return "an object";
    }
}
