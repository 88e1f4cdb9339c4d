/**
 * The timer queue (durable timer rows fired on time by one thread per process) and the outbox relay
 * (outbox rows handed to matching, or carried out in other workflows through history requests, after
 * commit; deleted in batches once acknowledged, re-sent after a crash).
 */
package io.perdura.history.queue;
