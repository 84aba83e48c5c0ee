package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's timeouts against the FakeGitHub's {@code slow} fault (real time: 1.5 s per
 * request, 2 s to connect): a slow GET is tried again after a backoff the clock is moved through, a
 * slow write is not, and a refused connection is known not to have reached GitHub.
 */
class TransportTimeoutsAgainstFakeGitHubTest {
  private static final String ISSUE = "/repos/octo/hello/issues/1";
  private static final Duration SLOW = Duration.ofSeconds(30);

  private FakeGitHubFixture f;
  private int warmUpWaits;
  private GitHubGateway gh;
  private long comment;

  @BeforeEach
  void start() {
    f = FakeGitHubFixture.start(Mode.TOKEN, FakeGitHubFixture.shortTimeouts());
    f.repo.add(IssueSeed.issue("Crash on start"));
    comment = f.repo.comment(1, "alice", "Same here.").id();
    gh = f.gateway();
    gh.getIssue(f.target, 1).orElseThrow(); // warm up, so only the faults below are slow
    warmUpWaits = f.waiter.waits().size();
  }

  /** Retry waits since the warm-up (a cold JVM may need a second try for its first requests). */
  private List<Instant> newWaits() {
    List<Instant> all = f.waiter.waits();
    return all.subList(warmUpWaits, all.size());
  }

  @AfterEach
  void stop() {
    f.verify();
    f.close();
  }

  @Test
  void aSlowGetTimesOutAndIsTriedAgainAfterAJitteredBackoff() {
    f.github.faults().on("GET", ISSUE).once(Fault.slow(SLOW));
    Instant before = f.clock.instant();

    assertThat(gh.getIssue(f.target, 1).orElseThrow().title()).isEqualTo("Crash on start");

    // the retry waited 0.5–1 s (base 1 s, jittered) on the clock, not on a sleeping thread
    assertThat(newWaits())
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(before.plusMillis(500), before.plusMillis(1000)));
  }

  @Test
  void aGetThatStaysSlowIsReportedAfterThreeTimeouts() {
    String path = "/repos/octo/hello/issues/comments/" + comment;
    f.github.faults().on("GET", path).times(3, Fault.slow(SLOW));

    GitHubResult<Comment> r = gh.getComment(f.target, comment);

    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<Comment>) r).status()).isZero();
    assertThat(r.infrastructure()).isTrue();
    assertThat(r.describe())
        .isEqualTo(
            "getting comment "
                + comment
                + " in \"octo/hello\": GET /api/v3"
                + path
                + ": no answer within 1500 ms after 3 tries");
    assertThat(newWaits()).hasSize(2);
  }

  @Test
  void aSlowWriteTimesOutOnceAndIsNotTriedAgain() {
    f.github.faults().on("POST", ISSUE + "/labels").once(Fault.slow(SLOW));

    GitHubResult<Labels> r = gh.addLabels(f.target, 1, List.of("needs-triage"));

    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.describe())
        .isEqualTo(
            "labelling issue \"octo/hello#1\": POST /api/v3"
                + ISSUE
                + "/labels: no answer within 1500 ms (outcome unknown)");
    assertThat(newWaits()).isEmpty();
  }

  @Test
  void aWriteThatCannotConnectIsKnownNotToHaveHappened() {
    int before = f.github.requests().size();
    f.github.close(); // nothing listens on its port any more

    GitHubResult<Comment> r = gh.createComment(f.target, 1, "Hello <!-- agent-out:1:1 -->");

    // a refused connection never reached GitHub: even a POST is tried again, and not "unknown"
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(r.describe()).endsWith(": cannot connect after 3 tries");
    assertThat(newWaits()).hasSize(2);
    assertThat(f.github.requests()).hasSize(before);
    assertThat(gh.getComment(f.target, comment).describe())
        .endsWith(": cannot connect after 3 tries");
    assertThat(f.github.comments("octo", "hello", 1)).hasSize(1);
  }
}
