package io.perdura.common.service;

import io.perdura.common.history.HistoryEvent;

/**
 * A command that asks for work in another workflow (start a child, signal or cancel another
 * workflow), as the run that gave it knows it now.
 *
 * @param initiatedEvent the command's *Initiated event
 * @param awaitingOutcome whether the run still waits for the outcome: its child has not started, or
 *     its signal or cancel request was not delivered yet
 * @param runOpen whether the run that gave the command is still open
 */
public record InitiatedCommand(HistoryEvent initiatedEvent, boolean awaitingOutcome, boolean runOpen) {}
