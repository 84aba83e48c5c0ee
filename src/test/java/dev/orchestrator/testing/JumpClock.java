package dev.orchestrator.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset that tests move forward: for a whole server under test, whose pacing of
 * GitHub writes needs time to pass on its own (a {@link MutableClock} that nobody moves would stop
 * it), while back-off, expiry and timeouts are reached by a jump instead of a sleep.
 */
public final class JumpClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  private JumpClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  /** Real UTC time, not moved yet. */
  public static JumpClock real() {
    return new JumpClock(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /** Jumps forward by {@code amount}; time goes on flowing from there. */
  public void advance(Duration amount) {
    offset.updateAndGet(o -> o.plus(amount));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // shares the same offset, so a jump moves both
    return new JumpClock(offset, newZone);
  }
}
