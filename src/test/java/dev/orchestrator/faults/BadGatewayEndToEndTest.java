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
 * the window is retried with backoff and goes through once the minute is over; a delivery whose
 * repository configuration cannot be read in the window stays pending (it used to be recorded as
 * "ignored", and so lost) and is dispatched once, on its own, when the minute is over.
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
  void aDeliveryThatArrivesInTheBadMinuteWaitsAndIsDispatchedOnceWhenItEnds() {
    FaultRule outage =
        t.s.github.faults().on("*", "/repos/octo/widgets/**").during(MINUTE, Fault.badGateway());
    int issue = t.open("Crash on start", "d-during");
    // GitHub cannot say what .github/agent.yml triggers: the delivery is kept, not ignored
    Await.until("the dispatcher to try agent.yml through its retries", () -> outage.hits() >= 3);
    assertThat(t.s.server.server().deliveries().pending(10))
        .extracting(d -> d.delivery().id())
        .containsExactly("d-during");
    assertThat(t.run(issue).status()).isEqualTo("NONE");

    t.clock.advance(MINUTE);
    t.awaitStatus(issue, "SUCCEEDED");
    t.assertTriagedOnce(issue);
    t.assertDeliveriesDispatchedOnce(1);
  }
}
