package dev.orchestrator.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The mission circuit breaker (PRODUCT.md): per mission × installation, it counts only runs that
 * failed for an infrastructure reason (GitHub 5xx or timeouts, model provider failures, the run's
 * timeout), opens after {@value #FAILURE_THRESHOLD} consecutive ones, half-opens {@link
 * #HALF_OPEN_AFTER} later, and closes after one successful run. An infrastructure failure while
 * half-open reopens it. A failure for any other reason (a refused step, a bad template) says
 * nothing about the infrastructure, so it is ignored: it neither counts nor breaks the streak.
 *
 * <p>Half-open is derived from the clock on every read, so nothing has to wake up to move a breaker
 * there; the store only ever holds CLOSED or OPEN.
 */
public final class MissionBreaker {
  public static final int FAILURE_THRESHOLD = 3; // consecutive infrastructure failures
  public static final Duration HALF_OPEN_AFTER = Duration.ofSeconds(300);

  private final BreakerStore store;
  private final Clock clock;

  public MissionBreaker(BreakerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** True unless the breaker is OPEN: runs of the mission may start (HALF_OPEN lets them try). */
  public boolean allows(String mission, long installationId) {
    return state(mission, installationId) != BreakerState.OPEN;
  }

  /** The breaker's state now. */
  public BreakerState state(String mission, long installationId) {
    return breaker(mission, installationId).state();
  }

  /** The breaker now, with its effective state. */
  public BreakerRecord breaker(String mission, long installationId) {
    return store
        .find(mission, installationId)
        .map(b -> effective(b, now()))
        .orElse(BreakerRecord.closed(mission, installationId));
  }

  /** A run of the mission succeeded: the breaker closes and forgets its failures. */
  public BreakerState recordSuccess(String mission, long installationId) {
    return store
        .update(mission, installationId, b -> BreakerRecord.closed(mission, installationId), now())
        .state();
  }

  /**
   * A run of the mission failed; only an {@code infrastructure} failure counts. Returns the state
   * afterwards.
   */
  public BreakerState recordFailure(String mission, long installationId, boolean infrastructure) {
    if (!infrastructure) {
      return state(mission, installationId);
    }
    Instant now = now();
    BreakerRecord after =
        store.update(mission, installationId, b -> afterFailure(effective(b, now), now), now);
    return effective(after, now).state();
  }

  /** Every breaker that is OPEN or HALF_OPEN now, by mission then installation. */
  public List<BreakerRecord> listOpen() {
    Instant now = now();
    return store.notClosed().stream().map(b -> effective(b, now)).toList();
  }

  /**
   * Closes the breakers matching the filters (empty matches all) and clears their failure counts;
   * returns how many were open or half-open.
   */
  public int reset(Optional<String> mission, Optional<Long> installationId) {
    return store.reset(mission, installationId, now());
  }

  // The store keeps milliseconds; truncating here keeps stored and returned records equal.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static BreakerRecord afterFailure(BreakerRecord b, Instant now) {
    int failures = b.consecutiveFailures() + 1;
    switch (b.state()) {
      case CLOSED:
        return failures >= FAILURE_THRESHOLD
            ? opened(b, failures, now)
            : new BreakerRecord(
                b.mission(), b.installationId(), BreakerState.CLOSED, failures, Optional.empty());
      case HALF_OPEN:
        return opened(b, failures, now); // the trial failed: a new open period starts
      default:
        // A run that started before the breaker opened: count it, keep the open period.
        return new BreakerRecord(
            b.mission(), b.installationId(), BreakerState.OPEN, failures, b.openedAt());
    }
  }

  private static BreakerRecord opened(BreakerRecord b, int failures, Instant now) {
    return new BreakerRecord(
        b.mission(), b.installationId(), BreakerState.OPEN, failures, Optional.of(now));
  }

  /** The stored record as seen at {@code now}: OPEN becomes HALF_OPEN once its period is over. */
  private static BreakerRecord effective(BreakerRecord stored, Instant now) {
    boolean over = stored.halfOpensAt().map(t -> !now.isBefore(t)).orElse(false);
    return stored.state() == BreakerState.OPEN && over
        ? stored.withState(BreakerState.HALF_OPEN)
        : stored;
  }
}
