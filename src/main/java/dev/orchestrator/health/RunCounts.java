package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;
import java.util.Map;

/** The port to current run counts for {@code /metrics}; the store answers with aggregates. */
public interface RunCounts {
  /** A mission and a status. */
  record MissionStatus(String mission, RunStatus status) {}

  /** How many stored runs each mission has in each status (pairs with none are absent). */
  Map<MissionStatus, Long> byMissionAndStatus();

  /** QUEUED runs per stored priority (priorities with none are absent). */
  Map<Integer, Long> queuedByPriority();
}
