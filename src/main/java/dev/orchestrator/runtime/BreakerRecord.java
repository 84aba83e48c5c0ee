package dev.orchestrator.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * One mission circuit breaker, keyed by mission × installation ({@code 0} when there is none). The
 * store keeps CLOSED or OPEN; {@link MissionBreaker} reports an OPEN breaker whose open period has
 * passed as HALF_OPEN.
 *
 * @param consecutiveFailures infrastructure failures since the last successful run
 * @param openedAt when it last opened; empty while closed
 */
public record BreakerRecord(
    String mission,
    long installationId,
    BreakerState state,
    int consecutiveFailures,
    Optional<Instant> openedAt) {

  /** A breaker that has seen no failure. */
  public static BreakerRecord closed(String mission, long installationId) {
    return new BreakerRecord(mission, installationId, BreakerState.CLOSED, 0, Optional.empty());
  }

  /** When an open breaker half-opens; empty while closed. */
  public Optional<Instant> halfOpensAt() {
    return state == BreakerState.CLOSED
        ? Optional.empty()
        : openedAt.map(t -> t.plus(MissionBreaker.HALF_OPEN_AFTER));
  }

  /** The same breaker in {@code newState}. */
  BreakerRecord withState(BreakerState newState) {
    return new BreakerRecord(mission, installationId, newState, consecutiveFailures, openedAt);
  }
}
