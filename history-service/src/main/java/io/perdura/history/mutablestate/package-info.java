/**
 * MutableState: the summary of an open run (execution info, pending workflow task, pending
 * activities, pending timers, pending children, undelivered signals and cancel requests to other
 * workflows, buffered events, recent signal request ids, next event id), one small
 * state machine per entity, serialised as JSON text with the execution row.
 */
package io.perdura.history.mutablestate;
