/**
 * The history engine: one small handler per group of operations over a run (start, workflow tasks,
 * activities, signals and termination, timers, reads); {@link io.perdura.history.engine.HistoryEngine}
 * only delegates to them. Every state change goes through {@code RunExecutor}: per-run lock, load
 * (cached), decide, ONE fenced transaction, then after commit the timer queue, outbox relay and result
 * waiters hear of it.
 */
package io.perdura.history.engine;
