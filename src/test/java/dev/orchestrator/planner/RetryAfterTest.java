package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void secondsOrAnHttpDate() {
    assertThat(RetryAfter.parse(Optional.of("20"), NOW)).contains(Duration.ofSeconds(20));
    assertThat(RetryAfter.parse(Optional.of(" 0 "), NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:28:30 GMT"), NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2015 07:27:00 GMT"), NOW))
        .as("a date in the past asks for no wait")
        .contains(Duration.ZERO);
  }

  @Test
  void absentOrUnreadableAsksForNothing() {
    assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("-5"), NOW)).isEmpty();
  }
}
