package io.perdura.common.model;

/** What happens to a child workflow when its parent closes. */
public enum ParentClosePolicy {
    /** The child is terminated (the default). */
    TERMINATE,
    /** The child goes on as if it had no parent. */
    ABANDON,
    /** The child is asked to cancel. */
    REQUEST_CANCEL
}
