package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's answer never arriving, end to end: the request reaches GitHub (a write is applied) and
 * the connection is then lost, which the server sees exactly as a request that timed out after it
 * was sent. A read is tried again; the reply comment, whose outcome is unknown, is looked up by its
 * marker instead of being posted a second time.
 *
 * <p>A real timeout is the same path after {@code GITHUB_TIMEOUT}: {@link
 * GitHubTimeoutEndToEndTest} runs the server with it set to one second.
 */
class LostAnswerEndToEndTest {
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
  void aReadWhoseConnectionIsLostIsTriedAgainAndTheRunTriagesOnce() {
    FaultRule lost =
        t.s
            .github
            .faults()
            .on("GET", "/repos/octo/widgets/issues/{issue_number}")
            .once(Fault.applyThenDrop());
    int issue = t.open("Crash on start", "d-1");
    t.awaitStatus(issue, "SUCCEEDED");
    assertThat(lost.hits()).isOne();
    assertThat(t.s.github.requests("GET", t.path(issue, ""))).hasSize(2);
    t.assertTriagedOnce(issue);
    t.assertDeliveriesDispatchedOnce(1);
  }

  @Test
  void aReplyWhoseAnswerIsLostIsFoundInsteadOfPostedTwice() {
    int issue = t.s.issue(t.repo, "Crash on start");
    FaultRule lost =
        t.s.github.faults().on("POST", t.path(issue, "/comments")).once(Fault.applyThenDrop());
    t.deliverOpened(issue, "d-1");
    t.awaitStatus(issue, "SUCCEEDED");
    assertThat(lost.hits()).isOne();
    assertThat(t.s.github.requests("POST", t.path(issue, "/comments"))).hasSize(1);
    t.assertTriagedOnce(issue);
    t.assertDeliveriesDispatchedOnce(1);
  }
}
