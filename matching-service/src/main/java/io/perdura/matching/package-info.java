/**
 * matching-service: owns task queues (sync match, long polls, durable backlog, queries). {@link
 * io.perdura.matching.MatchingServiceConfiguration} wires it into any Spring context that has a
 * {@code DataSource} and a {@code MessageBus}.
 */
package io.perdura.matching;
