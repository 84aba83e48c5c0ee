package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 10 s doubling, capped at 5 min, the last attempt at the hour, then give up. */
class RetryScheduleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RetrySchedule schedule = RetrySchedule.defaults();

  @Test
  void theWaitDoublesFromTenSecondsUpToFiveMinutes() {
    assertThat(schedule.next(1, T0, T0)).hasValue(T0.plusSeconds(10));
    assertThat(schedule.next(2, T0, T0.plusSeconds(10))).hasValue(T0.plusSeconds(30));
    assertThat(schedule.next(3, T0, T0.plusSeconds(30))).hasValue(T0.plusSeconds(70));
    assertThat(schedule.next(6, T0, T0.plusSeconds(310))).hasValue(T0.plusSeconds(610));
    assertThat(schedule.next(40, T0, T0.plusSeconds(600))).hasValue(T0.plusSeconds(900));
  }

  @Test
  void theLastAttemptIsAtTheBoundAndAFailureThereGivesUp() {
    Instant late = T0.plus(Duration.ofMinutes(58));
    assertThat(schedule.next(12, T0, late)).hasValue(T0.plus(Duration.ofHours(1)));
    assertThat(schedule.next(13, T0, T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(schedule.next(13, T0, T0.plus(Duration.ofHours(2)))).isEmpty();
  }

  @Test
  void aScheduleIsCheckedWhenBuiltAndNeedsAFailedAttempt() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), Duration.ZERO))
        .hasMessageContaining("0 < first <= cap");
    assertThatThrownBy(
            () -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ZERO))
        .hasMessageContaining("0 < first <= cap");
    assertThatThrownBy(() -> schedule.next(0, T0, T0)).hasMessageContaining("no failed attempt");
  }
}
