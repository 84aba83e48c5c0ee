package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.Map;

/** The port to run statistics; the store answers it with aggregates, never by loading rows. */
public interface RunStatsSource {
  /** Runs whose {@code finished_at} lies in {@code [from, to]}, dry runs included, grouped. */
  RunStats finishedBetween(Instant from, Instant to);

  /** How many runs are QUEUED, RUNNING and BLOCKED right now (statuses with none are absent). */
  Map<RunStatus, Long> active();

  /** The QUEUED runs waiting for a "not before" instant after {@code now} (GitHub's rate limit). */
  HealthContext.Waiting waiting(Instant now);
}
