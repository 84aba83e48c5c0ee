package dev.orchestrator.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset a test moves forward: time passes as usual (so a server's short
 * waits, such as a second between two GitHub writes, end by themselves) and an hour's wait for a
 * rate limit's reset passes in one {@link #shift}. Thread-safe.
 */
public final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves this clock forward by {@code amount} at once. */
  public void shift(Duration amount) {
    offset.updateAndGet(o -> o.plus(amount));
  }

  /** Moves this clock forward to {@code instant}, if it is not there yet. */
  public void shiftTo(Instant instant) {
    Duration ahead = Duration.between(instant(), instant);
    if (!ahead.isNegative()) {
      shift(ahead);
    }
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
