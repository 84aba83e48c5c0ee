package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub answering 502 for a minute (a window of the fake's clock), end to end. A read that meets
 * the window is retried with backoff and goes through once the minute is over; a run whose every
 * try falls inside the window fails with a clear error and writes nothing (a failed run is not
 * retried by design: the mission breaker counts it); the next run after the window works without
 * anyone stepping in.
 */
class BadGatewayEndToEndTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

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
  void aReadThatMeetsTheBadMinuteIsRetriedThroughItAndTheRunTriagesOnce() {
    FaultRule outage =
        t.s
            .github
            .faults()
            .on("GET", "/repos/octo/widgets/issues/{issue_number}")
            .during(MINUTE, Fault.badGateway());
    int issue = t.open("Crash on start", "d-1");
    Await.until("GitHub to answer a read with 502", () -> outage.hits() >= 1);
    // the minute passes while the read waits for its next try
    t.clock.advance(MINUTE.plusSeconds(1));

    t.awaitStatus(issue, "SUCCEEDED");
    t.assertTriagedOnce(issue);
    assertThat(t.s.github.requests("GET", t.path(issue, "")))
        .extracting(RecordedRequest::status)
        .startsWith(502)
        .endsWith(200);
    t.assertDeliveriesDispatchedOnce(1);
  }

  @Test
  void aRunWhoseTriesAllFallInTheBadMinuteFailsClearlyWithoutWritingAndTheNextOneWorks() {
    int before = t.open("Opened before", "d-before"); // the repository's agent.yml is read now
    t.awaitStatus(before, "SUCCEEDED");
    FaultRule outage =
        t.s.github.faults().on("*", "/repos/octo/widgets/**").during(MINUTE, Fault.badGateway());
    int during = t.open("Crash on start", "d-during");
    t.awaitStatus(during, "FAILED");
    assertThat(outage.hits()).isGreaterThanOrEqualTo(3);
    assertThat(t.run(during).error()).hasValueSatisfying(e -> assertThat(e).contains("502"));
    assertThat(t.s.github.comments("octo", "widgets", during)).isEmpty();
    assertThat(t.s.github.requests("POST", t.path(during, "/labels"))).isEmpty();

    t.clock.advance(MINUTE);
    int after = t.open("Slow on resume", "d-after");
    t.awaitStatus(after, "SUCCEEDED");
    t.assertTriagedOnce(before);
    t.assertTriagedOnce(after);
    t.assertDeliveriesDispatchedOnce(3);
  }
}
