/**
 * history-service: owns shards, keeps event histories and MutableState in the database and
 * implements {@link io.perdura.common.service.HistoryService}. Wire it with {@link
 * io.perdura.history.HistoryServiceConfiguration}; it needs a {@code DataSource} and a {@code
 * MessageBus}.
 */
package io.perdura.history;
