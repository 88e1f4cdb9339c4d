package io.perdura.sdk.workflow;

import io.perdura.sdk.common.converter.EncodedValues;

/**
 * Answers every query that has no handler of its own, whatever its type. Register it with {@link
 * Workflow#registerListener(Object)}; a run has at most one (a later one replaces it). Like every
 * query handler, it must not change the workflow's state or call blocking workflow methods.
 */
public interface DynamicQueryHandler {

    /** The answer, converted to JSON. */
    Object handle(String queryType, EncodedValues args);
}
