/**
 * Task queues: waiting long polls, sync match of new tasks to them, the in-memory view of each
 * queue's durable backlog, and pending queries. {@link io.perdura.matching.taskqueue.MatchingEngine}
 * is the entry point; {@link io.perdura.matching.taskqueue.TaskQueueOwnership} lets go of the
 * queues whose bus partition moves to another replica.
 */
package io.perdura.matching.taskqueue;
