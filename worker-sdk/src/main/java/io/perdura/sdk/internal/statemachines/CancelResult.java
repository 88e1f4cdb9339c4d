package io.perdura.sdk.internal.statemachines;

/** What cancelling a command's entity (timer, activity …) asks of the workflow task's command list. */
public enum CancelResult {
    /** The entity's command was not sent yet: remove it from this task's commands; nothing is sent. */
    DROP_COMMAND,
    /** The entity was recorded: send the machine's command again, which is now its cancel request. */
    SEND_COMMAND,
    /** Nothing to send: the entity is resolved already, was asked to cancel before, or is abandoned. */
    NONE
}
