package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes whose answer never comes, against the FakeGitHub, which applies them and then answers too
 * late or hangs up: neither kohsuke nor the transport sends them again, and a marked comment is
 * looked up instead, so the fake never holds a duplicate.
 */
class GatewayUnknownOutcomesAgainstFakeGitHubTest {
  private static final String COMMENTS = "/repos/octo/hello/issues/1/comments";
  private static final String MARKER = "<!-- agent-out:42:3 -->";
  private static final String BODY = "Thanks! Labelled for triage.\n" + MARKER;

  /** Far past the 1.5 s request timeout; the fake abandons the answer when it stops. */
  private static final Duration LATE = Duration.ofSeconds(30);

  private FakeGitHubFixture f;
  private int warmUpWaits;
  private GitHubGateway gh;

  @BeforeEach
  void start() {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1, FakeGitHubFixture.shortTimeouts());
    f.repo.add(IssueSeed.issue("Crash on start"));
    gh = f.gateway();
    // warm up (token, installation, JIT) so only the faults below can take 1.5 s
    gh.getIssue(f.target, 1).orElseThrow();
    gh.listComments(f.target, 1, Optional.empty()).orElseThrow();
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

  private long marked() {
    return f.github.comments("octo", "hello", 1).stream()
        .filter(c -> c.body().contains(MARKER))
        .count();
  }

  @Test
  void aMarkedCommentWhoseAnswerComesTooLateIsFoundInsteadOfPostedAgain() {
    f.github.faults().on("POST", COMMENTS).once(Fault.applyThenDelay(LATE));

    Comment c = gh.createComment(f.target, 1, BODY).orElseThrow();

    assertThat(f.github.requests("POST", COMMENTS)).hasSize(1);
    assertThat(marked()).isEqualTo(1);
    assertThat(c.id()).isEqualTo(f.github.comments("octo", "hello", 1).get(0).id());
    assertThat(newWaits()).as("no retry was even scheduled").isEmpty();
  }

  @Test
  void aMarkedCommentWhoseConnectionDroppedIsLookedUpBeforeItIsPostedAgain() {
    f.github.faults().on("POST", COMMENTS).once(Fault.applyThenDrop());
    // the lookup right after fails too (every try), so the outcome stays unknown
    f.github.faults().on("GET", COMMENTS).times(3, Fault.status(502));

    GitHubResult<Comment> first = gh.createComment(f.target, 1, BODY);
    assertThat(first).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(first.describe())
        .startsWith("posting a comment on \"octo/hello#1\": POST ")
        .contains("outcome unknown");
    assertThat(marked()).as("GitHub made it").isEqualTo(1);

    // the step is tried again later: the gateway looks before it writes
    Comment again = gh.createComment(f.target, 1, BODY).orElseThrow();
    assertThat(again.body()).isEqualTo(BODY);
    assertThat(f.github.requests("POST", COMMENTS)).hasSize(1);
    assertThat(marked()).isEqualTo(1);
  }

  @Test
  void anUnmarkedCommentWhoseConnectionDroppedIsReportedAndSentOnce() {
    f.github.faults().on("POST", COMMENTS).once(Fault.applyThenDrop());
    int listsBefore = f.github.requests("GET", COMMENTS).size();

    GitHubResult<Comment> r = gh.createComment(f.target, 1, "No marker here.");

    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.infrastructure()).isTrue();
    assertThat(f.github.requests("POST", COMMENTS)).hasSize(1);
    assertThat(f.github.requests("GET", COMMENTS)).as("nothing to look for").hasSize(listsBefore);
    assertThat(f.github.comments("octo", "hello", 1)).hasSize(1);
  }

  @Test
  void kohsukeDoesNotSendAnIssueCreationThatTimedOutAgain() {
    f.github.faults().on("POST", "/repos/octo/hello/issues").once(Fault.applyThenDelay(LATE));

    GitHubResult<Issue> r = gh.createIssue(f.target, "Flaky test", "Seen twice.", List.of("bug"));

    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(r.describe())
        .isEqualTo(
            "creating an issue in \"octo/hello\": POST /api/v3/repos/octo/hello/issues:"
                + " no answer within 1500 ms (outcome unknown)");
    assertThat(f.github.requests("POST", "/repos/octo/hello/issues")).hasSize(1);
    assertThat(f.repo.issues().all())
        .extracting(i -> i.title())
        .containsExactly("Crash on start", "Flaky test");
    assertThat(newWaits()).isEmpty();
  }

  @Test
  void aWriteAnswered502IsNotRepeated() {
    f.github.faults().on("POST", "/repos/octo/hello/issues/1/labels").once(Fault.status(502));

    GitHubResult<Labels> r = gh.addLabels(f.target, 1, List.of("needs-triage"));

    assertThat(r).isInstanceOf(GitHubResult.OutcomeUnknown.class);
    assertThat(f.github.requests("POST", "/repos/octo/hello/issues/1/labels")).hasSize(1);
    assertThat(newWaits()).isEmpty();
  }
}
