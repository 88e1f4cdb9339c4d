package io.perdura.history.persistence;

import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.MutableStateCodec;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether history holds work that will move on by itself, and when its next timer is due: what a
 * test server's skipping clock asks before it jumps ({@code perdura-testing}, ADR 0024).
 *
 * <p>History is <em>busy</em> while any of these holds: an outbox row waits for its relay (a task to
 * dispatch, a child to start, a signal to deliver); a timer row is due and not fired yet; a running
 * run has a workflow task scheduled or started, or an activity scheduled or started (a task or an
 * activity waiting out a retry backoff is not busy: its backoff is a timer). The reads are separate
 * statements; a change of any run committed between the first and the last one (the runs' count or
 * the sum of their row versions moved) counts as busy too, so a hand-over from one kind of work to
 * another is never read as quiet.
 */
public final class OutstandingWorkProbe {

    private final JdbcTemplate jdbc;

    public OutstandingWorkProbe(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * What history holds at {@code nowMillis}.
     *
     * @param nowMillis the server clock's time: a timer row due at or before it is work in progress
     */
    public OutstandingWork read(long nowMillis) {
        List<Long> before = fingerprint();
        Long transfers = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_tasks", Long.class);
        Long nextTimer = jdbc.queryForObject("SELECT MIN(fire_time) FROM timer_tasks", Long.class);
        List<String> running = jdbc.queryForList("SELECT state FROM executions WHERE status = 'RUNNING'", String.class);
        OptionalLong next = nextTimer == null ? OptionalLong.empty() : OptionalLong.of(nextTimer);
        if (transfers != null && transfers > 0) {
            return new OutstandingWork(true, next);
        }
        if (nextTimer != null && nextTimer <= nowMillis) {
            return new OutstandingWork(true, next);
        }
        for (String json : running) {
            if (busy(MutableStateCodec.read(json, 0))) {
                return new OutstandingWork(true, next);
            }
        }
        return new OutstandingWork(!before.equals(fingerprint()), next);
    }

    private List<Long> fingerprint() {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(db_version), 0) FROM executions",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)));
    }

    private static boolean busy(MutableState state) {
        WorkflowTaskInfo task = state.workflowTask();
        if (task != null && task.state() != WorkflowTaskInfo.State.BACKOFF) {
            return true;
        }
        for (ActivityInfo activity : state.activities()) {
            if (activity.state() != ActivityInfo.State.BACKOFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param busy whether work is in progress that moves on without the clock
     * @param nextTimerMillis when the earliest timer row is due, if there is one
     */
    public record OutstandingWork(boolean busy, OptionalLong nextTimerMillis) {}
}
