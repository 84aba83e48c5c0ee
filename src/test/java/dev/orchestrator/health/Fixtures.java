package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders for health inputs. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  static final Instant DAY_AGO = NOW.minus(Duration.ofHours(24));

  private Fixtures() {}

  /** {@code runs} runs of mission "m" with {@code status}, 10 s each, nothing spent. */
  static RunGroup group(RunStatus status, long runs) {
    return new RunGroup("m", status, false, runs, runs, runs * 10.0, 0, 0);
  }

  static RunGroup dry(RunStatus status, long runs) {
    return new RunGroup("m", status, true, runs, runs, runs * 10.0, 0, 0);
  }

  static RunStats stats(RunGroup... groups) {
    return new RunStats(DAY_AGO, NOW, List.of(groups));
  }

  static RunStats counts(long succeeded, long failed) {
    return stats(group(RunStatus.SUCCEEDED, succeeded), group(RunStatus.FAILED, failed));
  }

  /** Nothing open, nothing queued, limits unknown. */
  static HealthContext quiet() {
    return new HealthContext(List.of(), Map.of(), 100, Optional.empty(), Optional.empty());
  }

  static HealthReport report(RunStats stats) {
    return new HealthCalculator().calculate(stats, quiet());
  }
}
