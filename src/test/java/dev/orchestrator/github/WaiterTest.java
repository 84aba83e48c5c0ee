package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The production waiter: real parking by the clock, and no endless wait on a stopped clock. */
class WaiterTest {
  @Test
  void aPassedInstantReturnsAtOnce() throws InterruptedException {
    MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
    Waiter.parking(clock).awaitUntil(clock.instant().minusSeconds(5));
    Waiter.parking(clock).awaitUntil(clock.instant());
  }

  @Test
  void theSystemClockIsWaitedOut() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    Instant until = clock.instant().plusMillis(50);
    Waiter.parking(clock).awaitUntil(until);
    assertThat(clock.instant()).isAfterOrEqualTo(until);
  }

  @Test
  void aClockThatStandsStillIsReportedNotWaitedForForever() {
    MutableClock stopped = MutableClock.at("2025-06-01T12:00:00Z");
    Instant until = stopped.instant().plus(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Waiter.parking(stopped).awaitUntil(until))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the clock stood still at 2025-06-01T12:00:00Z");
  }
}
