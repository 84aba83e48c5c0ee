package dev.orchestrator.health;

import dev.orchestrator.runtime.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What finished in the window {@code [from, to]}, as groups summed by the store, and the product's
 * definitions over them: counts by status and the average duration leave dry runs out; costs keep
 * them (their model calls were paid for).
 */
public record RunStats(Instant from, Instant to, List<RunGroup> groups) {
  /**
   * Statuses whose duration says how long a mission takes to run. REJECTED and EXPIRED runs spent
   * most of their time waiting for a human, and CANCELLED ones may never have started.
   */
  static final Set<RunStatus> TIMED = EnumSet.of(RunStatus.SUCCEEDED, RunStatus.FAILED);

  public RunStats {
    groups = List.copyOf(groups);
  }

  /** A window in which nothing finished. */
  public static RunStats empty(Instant from, Instant to) {
    return new RunStats(from, to, List.of());
  }

  /** The window's length. */
  public Duration lookback() {
    return Duration.between(from, to);
  }

  /** Runs that are not dry runs, by status; every terminal status is present, possibly 0. */
  public Map<RunStatus, Long> finishedByStatus() {
    Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
    for (RunStatus s : RunStatus.values()) {
      if (s.isTerminal()) {
        counts.put(s, 0L);
      }
    }
    for (RunGroup g : groups) {
      if (!g.dryRun()) {
        counts.merge(g.status(), g.runs(), Long::sum);
      }
    }
    return counts;
  }

  /** Runs that are not dry runs with {@code status}. */
  public long count(RunStatus status) {
    return finishedByStatus().getOrDefault(status, 0L);
  }

  /** Dry runs that finished in the window; they count in costs only. */
  public long dryRuns() {
    return groups.stream().filter(RunGroup::dryRun).mapToLong(RunGroup::runs).sum();
  }

  /** The mean duration of SUCCEEDED and FAILED runs that are not dry runs; empty when none. */
  public Optional<Double> averageDurationSeconds() {
    return average(groups.stream().filter(RunStats::timed).toList());
  }

  /** Each mission type's totals, by name. */
  public Map<String, MissionTotals> byMission() {
    Map<String, List<RunGroup>> perMission = new TreeMap<>();
    for (RunGroup g : groups) {
      perMission.computeIfAbsent(g.mission(), k -> new ArrayList<>()).add(g);
    }
    Map<String, MissionTotals> out = new TreeMap<>();
    perMission.forEach(
        (mission, gs) ->
            out.put(
                mission,
                new MissionTotals(
                    gs.stream().mapToLong(RunGroup::runs).sum(),
                    gs.stream().mapToLong(RunGroup::tokenUsage).sum(),
                    gs.stream().mapToDouble(RunGroup::costUsd).sum(),
                    average(gs.stream().filter(RunStats::timed).toList()))));
    return out;
  }

  /** Tokens and cost per model, over runs that used one (dry runs included: they were paid). */
  public Map<String, MissionTotals> byModel() {
    Map<String, List<RunGroup>> perModel = new TreeMap<>();
    for (RunGroup g : groups) {
      if (!g.model().isEmpty()) {
        perModel.computeIfAbsent(g.model(), k -> new ArrayList<>()).add(g);
      }
    }
    Map<String, MissionTotals> out = new TreeMap<>();
    perModel.forEach(
        (model, gs) ->
            out.put(
                model,
                new MissionTotals(
                    gs.stream().mapToLong(RunGroup::runs).sum(),
                    gs.stream().mapToLong(RunGroup::tokenUsage).sum(),
                    gs.stream().mapToDouble(RunGroup::costUsd).sum(),
                    average(gs.stream().filter(RunStats::timed).toList()))));
    return out;
  }

  /** Runs finished in the window, dry runs included. */
  public long totalRuns() {
    return groups.stream().mapToLong(RunGroup::runs).sum();
  }

  /** Tokens used by every run finished in the window, dry runs included. */
  public long totalTokens() {
    return groups.stream().mapToLong(RunGroup::tokenUsage).sum();
  }

  /** What every run finished in the window cost, dry runs included. */
  public double totalCostUsd() {
    return groups.stream().mapToDouble(RunGroup::costUsd).sum();
  }

  private static boolean timed(RunGroup g) {
    return !g.dryRun() && TIMED.contains(g.status());
  }

  private static Optional<Double> average(List<RunGroup> gs) {
    long n = gs.stream().mapToLong(RunGroup::durationCount).sum();
    double sum = gs.stream().mapToDouble(RunGroup::durationSumSeconds).sum();
    return n == 0 ? Optional.empty() : Optional.of(sum / n);
  }
}
