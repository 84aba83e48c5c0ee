package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.Reaction;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub not answering in time, end to end, with {@code GITHUB_TIMEOUT=1s} so a hang costs the test
 * seconds. GitHub holds its answers ({@link #HANG}, past the timeout) for a while: a read is tried
 * again; the post of a run's comment, which GitHub took but never answered, has an unknown outcome,
 * and the comment is looked up by its marker (through lookups that hang too) instead of being
 * posted again. Meanwhile the server stays ready and acknowledges new deliveries; once GitHub
 * answers again every run finishes, each with one comment of each kind.
 */
class GitHubTimeoutEndToEndTest {
  /** How long GitHub holds an answer: well past the server's 1 s timeout. */
  private static final Duration HANG = Duration.ofSeconds(3);

  @TempDir Path dir;
  private TriageScene t;

  @BeforeEach
  void start() {
    t = new TriageScene(dir, Map.of("GITHUB_TIMEOUT", "1s"));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private FaultRule hang(String method, String path, int times, Fault fault) {
    return t.s.github.faults().on(method, path).times(times, fault);
  }

  @Test
  void aHungReadIsTriedAgainAndAReplyWhosePostTimedOutIsFoundInsteadOfPostedTwice() {
    int issue = t.s.issue(t.repo, "Crash on start");
    FaultRule read = hang("GET", t.path(issue, ""), 1, Fault.slow(HANG));
    FaultRule post = hang("POST", t.path(issue, "/comments"), 1, Fault.applyThenDelay(HANG));
    FaultRule lookups = hang("GET", t.path(issue, "/comments"), 2, Fault.slow(HANG));
    t.deliverOpened(issue, "d-1");

    Await.until("GitHub to take the reply and hold its answer", () -> post.hits() == 1);
    // while GitHub hangs, the server is ready and acknowledges (and keeps) new deliveries
    assertThat(t.s.server.get("/readyz").statusCode()).isEqualTo(200);
    int during = t.open("Opened while GitHub hangs", "d-during");

    t.awaitStatus(issue, "SUCCEEDED");
    t.awaitStatus(during, "SUCCEEDED");
    assertThat(read.hits()).isOne();
    assertThat(lookups.hits()).as("lookups that hung before one was answered").isEqualTo(2);
    assertThat(t.s.github.requests("GET", t.path(issue, ""))).hasSize(2);
    assertThat(t.s.github.requests("POST", t.path(issue, "/comments")))
        .singleElement()
        .extracting(RecordedRequest::outcome)
        .isEqualTo("delayed " + HANG);
    t.assertTriagedOnce(issue);
    t.assertTriagedOnce(during);
    t.assertDeliveriesDispatchedOnce(2);
  }

  @Test
  void aStatusCommentWhosePostTimedOutIsFoundByItsMarkerAndEditedNotPostedTwice() {
    t.repo.role("tess", "triage");
    int issue = t.s.issue(t.repo, "Crash on start");
    // a command run's first comment is its status comment, posted when the run starts
    FaultRule post = hang("POST", t.path(issue, "/comments"), 1, Fault.applyThenDelay(HANG));
    FaultRule lookup = hang("GET", t.path(issue, "/comments"), 1, Fault.slow(HANG));
    Comment command = t.s.comment(t.repo, issue, "tess", "User", "/agent triage", "d-cmd");

    t.awaitStatus(issue, "SUCCEEDED");
    Await.until(
        "the done reaction on the command",
        () -> reactions(command).contains("+1") && !reactions(command).contains("eyes"));
    assertThat(post.hits()).isOne();
    assertThat(lookup.hits()).isOne();
    List<Comment> comments = t.s.github.comments("octo", "widgets", issue);
    assertThat(comments)
        .filteredOn(c -> c.body().contains("<!-- agent-run:"))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("✅"));
    assertThat(comments)
        .filteredOn(c -> c.body().contains("<!-- agent-out:"))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).startsWith("Thanks for opening this issue!"));
    assertThat(comments).hasSize(3); // the command, the status comment, the reply
    assertThat(
            t.s.github.requests("POST", t.path(issue, "/comments")).stream()
                .filter(r -> r.status() / 100 == 2))
        .as("comments posted: the status comment once, the reply once")
        .hasSize(2);
    t.assertDeliveriesDispatchedOnce(1);
  }

  private List<String> reactions(Comment c) {
    return t.repo.reactions().on(c.id()).stream().map(Reaction::content).toList();
  }
}
