package dev.orchestrator.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a synchronous call until a "not before" instant. Delays are computed from the injected
 * clock as instants; this is the one place that turns an instant into waiting, so tests inject a
 * waiter that advances their clock instead of sleeping.
 */
@FunctionalInterface
public interface Waiter {
  /** Returns once {@code notBefore} has passed. */
  void awaitUntil(Instant notBefore) throws InterruptedException;

  /** Parks the calling thread until the clock reaches {@code notBefore} (production). */
  static Waiter parking(Clock clock) {
    return notBefore -> {
      while (true) {
        Duration left = Duration.between(clock.instant(), notBefore);
        if (left.isNegative() || left.isZero()) {
          return;
        }
        // park in slices so a clock that jumps (NTP) is noticed within a second
        LockSupport.parkNanos(Math.min(left.toNanos(), Duration.ofSeconds(1).toNanos()));
        if (Thread.interrupted()) {
          throw new InterruptedException("waiting until " + notBefore);
        }
      }
    };
  }
}
