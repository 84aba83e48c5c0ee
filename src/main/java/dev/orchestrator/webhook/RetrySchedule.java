package dev.orchestrator.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery that could not be dispatched yet ({@link DeliveryHandler.Outcome#retry}) is tried
 * again: {@code first} after the first failed attempt, doubling after each further one up to {@code
 * cap}, and never later than {@code giveUpAfter} from the first failure, when one last attempt is
 * made; if that fails too, the dispatcher gives up and records the delivery as failed. Pure: the
 * caller passes the instants.
 *
 * @param first the wait after the first failed attempt
 * @param cap the longest wait
 * @param giveUpAfter how long after the first failure the delivery is given up
 */
public record RetrySchedule(Duration first, Duration cap, Duration giveUpAfter) {
  public static final Duration DEFAULT_FIRST = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(5);
  public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofHours(1);

  public RetrySchedule {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "a retry schedule needs 0 < first <= cap, found " + first + " and " + cap);
    }
    if (giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("giveUpAfter must not be negative: " + giveUpAfter);
    }
  }

  /** 10 s, doubling, at most 5 min apart, given up after an hour. */
  public static RetrySchedule defaults() {
    return new RetrySchedule(DEFAULT_FIRST, DEFAULT_CAP, DEFAULT_GIVE_UP_AFTER);
  }

  /**
   * The next attempt after {@code failedAttempts} failed ones (this one included, so at least 1),
   * the first of them at {@code firstFailedAt}; empty when it is time to give up.
   */
  public Optional<Instant> next(int failedAttempts, Instant firstFailedAt, Instant now) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("no failed attempt to schedule after: " + failedAttempts);
    }
    Instant deadline = firstFailedAt.plus(giveUpAfter);
    if (!now.isBefore(deadline)) {
      return Optional.empty();
    }
    long wait = Math.min(first.toMillis() << Math.min(failedAttempts - 1, 30), cap.toMillis());
    Instant at = now.plusMillis(wait);
    return Optional.of(at.isAfter(deadline) ? deadline : at);
  }
}
