package dev.orchestrator.health;

import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the health report needs besides the window's runs, all as of now.
 *
 * @param openBreakers mission breakers that are OPEN or HALF_OPEN
 * @param active runs QUEUED, RUNNING and BLOCKED now
 * @param queueCapacity how many QUEUED runs the queue holds in all
 * @param rateLimit GitHub's rate-limit figures, when a request has reported them
 * @param budget the model budget, when it is tracked
 * @param waiting the queued runs that wait for GitHub's rate limit
 */
public record HealthContext(
    List<BreakerRecord> openBreakers,
    Map<RunStatus, Long> active,
    long queueCapacity,
    Optional<RateLimit> rateLimit,
    Optional<Budget> budget,
    Waiting waiting) {

  public HealthContext {
    openBreakers = List.copyOf(openBreakers);
    active = Map.copyOf(active);
  }

  /** A context in which no queued run waits for GitHub's rate limit. */
  public HealthContext(
      List<BreakerRecord> openBreakers,
      Map<RunStatus, Long> active,
      long queueCapacity,
      Optional<RateLimit> rateLimit,
      Optional<Budget> budget) {
    this(openBreakers, active, queueCapacity, rateLimit, budget, Waiting.NONE);
  }

  /**
   * Queued runs whose GitHub call was deferred, and the earliest instant one of them may go on.
   *
   * @param runs how many wait
   * @param next the earliest "not before" among them; empty when none waits
   */
  public record Waiting(long runs, Optional<Instant> next) {
    public static final Waiting NONE = new Waiting(0, Optional.empty());
  }

  /** Runs waiting in the queue. */
  public long queueSize() {
    return active.getOrDefault(RunStatus.QUEUED, 0L);
  }

  /** GitHub's primary rate limit as last reported. */
  public record RateLimit(long remaining, long limit, Optional<Instant> resetsAt) {}

  /** Model spending against its limit, in US dollars. */
  public record Budget(double spentUsd, double limitUsd) {}
}
