package io.perdura.common.api;

import io.perdura.common.history.HistoryEvent;
import java.util.List;

/** One page of a run's history; {@code nextPageToken} is null on the last page. */
public record HistoryPage(List<HistoryEvent> events, String nextPageToken) {}
