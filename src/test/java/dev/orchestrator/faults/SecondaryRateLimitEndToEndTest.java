package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both forms of GitHub's secondary rate limit, end to end: 403 or 429 with {@code retry-after}, and
 * a 403 that says "secondary rate limit" only in its body. The refused comment sends the run back
 * to the queue until the wait is over (a jump of the clock, not a sleep); then the run goes on from
 * the refused comment and posts it once, and a second run waits behind the same lane.
 */
class SecondaryRateLimitEndToEndTest {
  @TempDir Path dir;
  private TriageScene t;

  @BeforeEach
  void start() {
    t = new TriageScene(dir, Map.of());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void a403WithRetryAfterDefersTheRunAndTheCommentIsPostedOnceAfterTheWait() {
    refusedThenRecovered(Fault.secondaryRateLimit(403, Duration.ofSeconds(90)), 403);
  }

  @Test
  void a429WithRetryAfterDefersTheRunAndTheCommentIsPostedOnceAfterTheWait() {
    refusedThenRecovered(Fault.secondaryRateLimit(429, Duration.ofSeconds(90)), 429);
  }

  @Test
  void a403SayingSecondaryRateLimitWithoutRetryAfterDefersTheRunForAtLeastAMinute() {
    refusedThenRecovered(Fault.secondaryRateLimit(403), 403);
  }

  private void refusedThenRecovered(Fault fault, int status) {
    int first = t.open("Crash on start", "d-first");
    // the limit strikes the first run's reply, the write GitHub guards with secondary limits
    t.s.github.faults().on("POST", t.path(first, "/comments")).once(fault);
    Await.until("the first run to wait out the secondary limit", () -> t.waiting(first));
    Instant notBefore = t.run(first).notBefore().orElseThrow();
    assertThat(notBefore)
        .as("GitHub asks for at least a minute")
        .isAfterOrEqualTo(t.clock.instant().plus(Duration.ofSeconds(55)));
    assertThat(t.run(first).error()).hasValueSatisfying(e -> assertThat(e).contains("secondary"));
    assertThat(t.s.github.comments("octo", "widgets", first)).isEmpty();

    int second = t.open("Slow on resume", "d-second");
    Await.until("the second run to wait behind the same limit", () -> t.waiting(second));
    assertThat(t.s.github.requests("POST", t.path(second, "/comments"))).isEmpty();

    t.clock.advance(Duration.between(t.clock.instant(), notBefore).plusSeconds(2));
    t.awaitStatus(first, "SUCCEEDED");
    t.awaitStatus(second, "SUCCEEDED");

    t.assertTriagedOnce(first);
    t.assertTriagedOnce(second);
    assertThat(t.s.github.requests("POST", t.path(first, "/comments")))
        .extracting(RecordedRequest::status)
        .containsExactly(status, 201);
    assertThat(t.run(first).notBefore()).isEmpty();
    t.assertDeliveriesDispatchedOnce(2);
  }
}
