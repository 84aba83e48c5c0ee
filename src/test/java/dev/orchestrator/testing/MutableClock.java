package dev.orchestrator.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move by hand, so time-based behaviour (token expiry, rate-limit windows,
 * back-off) is tested without sleeping. Thread-safe: servers under test read it concurrently.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code start}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /** A UTC clock standing at an ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}. */
  public static MutableClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /** Moves the clock forward (or back, for a negative amount). */
  public void advance(Duration amount) {
    now.updateAndGet(t -> t.plus(amount));
  }

  /** Puts the clock at {@code instant}. */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // shares the same time source, so moving one moves both
    return new MutableClock(now, newZone);
  }
}
