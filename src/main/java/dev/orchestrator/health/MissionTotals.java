package dev.orchestrator.health;

import java.util.Optional;

/**
 * One mission type's figures over a window. {@code runs}, {@code tokenUsage} and {@code costUsd}
 * include dry runs, because a dry run's model calls are really paid for; the average duration is
 * over the runs {@link RunStats#averageDurationSeconds()} counts.
 */
public record MissionTotals(
    long runs, long tokenUsage, double costUsd, Optional<Double> averageDurationSeconds) {}
