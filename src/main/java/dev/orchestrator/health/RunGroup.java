package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;

/**
 * Runs finished in a window that share a mission, a status and dry-run-ness, summed. The store
 * produces these with one {@code GROUP BY}; {@link RunStats} applies the product's definitions.
 *
 * @param durationCount how many of the runs have a recorded duration
 * @param durationSumSeconds the sum of those durations
 */
public record RunGroup(
    String mission,
    RunStatus status,
    boolean dryRun,
    long runs,
    long durationCount,
    double durationSumSeconds,
    long tokenUsage,
    double costUsd) {}
