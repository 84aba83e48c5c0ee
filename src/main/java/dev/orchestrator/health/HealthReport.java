package dev.orchestrator.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of the runs finished in a window, with what it was computed from and what to do.
 *
 * @param summary one line saying the level's reason, e.g. why it is UNKNOWN
 * @param successes SUCCEEDED runs, dry runs excluded
 * @param failures FAILED and EXPIRED runs, dry runs excluded
 */
public record HealthReport(
    HealthLevel level,
    String summary,
    long successes,
    long failures,
    RunStats stats,
    HealthContext context,
    List<Recommendation> recommendations) {

  public HealthReport {
    recommendations = List.copyOf(recommendations);
  }

  /** successes / (successes + failures), from 0 to 1; empty when both are 0. */
  public Optional<Double> successRate() {
    long counted = successes + failures;
    return counted == 0 ? Optional.empty() : Optional.of((double) successes / counted);
  }

  /**
   * The success rate as a percentage with one decimal, rounded down so that a rate just under a
   * threshold never reads as the threshold (89.96 % shows as "89.9 %", not "90.0 %").
   */
  public Optional<String> successPercent() {
    long counted = successes + failures;
    if (counted == 0) {
      return Optional.empty();
    }
    return Optional.of(percent(successes, counted));
  }

  /** {@code part / whole} as a percentage with one decimal, rounded down; whole must be > 0. */
  static String percent(long part, long whole) {
    long tenths = part * 1000 / whole;
    return tenths / 10 + "." + tenths % 10 + " %";
  }

  /** The mean duration of the counted runs that ran to an end. */
  public Optional<Double> averageDurationSeconds() {
    return stats.averageDurationSeconds();
  }

  /** Runs, tokens and cost per mission type, dry runs included. */
  public Map<String, MissionTotals> costs() {
    return stats.byMission();
  }
}
