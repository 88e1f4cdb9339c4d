package io.perdura.sdk.internal.replay;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

/** A logger for workflow code that stays silent while the code is replaying past workflow tasks. */
public final class ReplayAwareLogger extends AbstractLogger {

    private final transient Logger delegate;

    public ReplayAwareLogger(Logger delegate) {
        this.delegate = delegate;
        this.name = delegate.getName();
    }

    private static boolean replaying() {
        return WorkflowInternal.isWorkflowThread() && WorkflowInternal.current().isReplaying();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return ReplayAwareLogger.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        var builder = delegate.atLevel(level).setCause(throwable);
        if (marker != null) {
            builder = builder.addMarker(marker);
        }
        builder.log(messagePattern, arguments == null ? new Object[0] : arguments);
    }

    @Override
    public boolean isTraceEnabled() {
        return !replaying() && delegate.isTraceEnabled();
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return !replaying() && delegate.isTraceEnabled(marker);
    }

    @Override
    public boolean isDebugEnabled() {
        return !replaying() && delegate.isDebugEnabled();
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return !replaying() && delegate.isDebugEnabled(marker);
    }

    @Override
    public boolean isInfoEnabled() {
        return !replaying() && delegate.isInfoEnabled();
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return !replaying() && delegate.isInfoEnabled(marker);
    }

    @Override
    public boolean isWarnEnabled() {
        return !replaying() && delegate.isWarnEnabled();
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return !replaying() && delegate.isWarnEnabled(marker);
    }

    @Override
    public boolean isErrorEnabled() {
        return !replaying() && delegate.isErrorEnabled();
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return !replaying() && delegate.isErrorEnabled(marker);
    }
}
