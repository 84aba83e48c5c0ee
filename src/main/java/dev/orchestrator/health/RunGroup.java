package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;

/**
 * Runs finished in a window that share a mission, a status and dry-run-ness, summed. The store
 * produces these with one {@code GROUP BY}; {@link RunStats} applies the product's definitions.
 *
 * @param durationCount how many of the runs have a recorded duration
 * @param durationSumSeconds the sum of those durations
 * @param model the model llm runs used; empty for runs without one
 */
public record RunGroup(
    String mission,
    RunStatus status,
    boolean dryRun,
    long runs,
    long durationCount,
    double durationSumSeconds,
    long tokenUsage,
    double costUsd,
    String model) {

  /** A group of runs that used no model. */
  public RunGroup(
      String mission,
      RunStatus status,
      boolean dryRun,
      long runs,
      long durationCount,
      double durationSumSeconds,
      long tokenUsage,
      double costUsd) {
    this(mission, status, dryRun, runs, durationCount, durationSumSeconds, tokenUsage, costUsd, "");
  }
}
