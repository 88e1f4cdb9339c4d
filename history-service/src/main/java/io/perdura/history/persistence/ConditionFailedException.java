package io.perdura.history.persistence;

/** An optimistic write lost a race: the row changed since it was read (reload and retry). */
public final class ConditionFailedException extends RuntimeException {

    public ConditionFailedException(String message) {
        super(message);
    }
}
