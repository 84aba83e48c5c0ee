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
  /** The longest single park of {@link #parking}. */
  Duration SLICE = Duration.ofSeconds(1);

  /** Returns once {@code notBefore} has passed. */
  void awaitUntil(Instant notBefore) throws InterruptedException;

  /**
   * Parks the calling thread until the clock reaches {@code notBefore} (production). A clock that
   * stands still through a whole slice is a test clock nobody moves: that is a bug of the wiring,
   * reported instead of waiting forever.
   */
  static Waiter parking(Clock clock) {
    return notBefore -> {
      while (true) {
        Instant before = clock.instant();
        Duration left = Duration.between(before, notBefore);
        if (left.isNegative() || left.isZero()) {
          return;
        }
        // park in slices so a clock that jumps (NTP) is noticed within a second
        long parkedFrom = System.nanoTime();
        LockSupport.parkNanos(Math.min(left.toNanos(), SLICE.toNanos()));
        if (Thread.interrupted()) {
          throw new InterruptedException("waiting until " + notBefore);
        }
        boolean wholeSlice = System.nanoTime() - parkedFrom >= SLICE.toNanos();
        if (wholeSlice && clock.instant().equals(before)) {
          throw new IllegalStateException(
              "waiting until "
                  + notBefore
                  + ", but the clock stood still at "
                  + before
                  + ": a stopped clock needs a Waiter that moves it");
        }
      }
    };
  }
}
