package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The governor against FakeGitHub (held to GitHub's REST description, with its own rate limits and
 * faults) in App mode, installation 1 on {@code octo}.
 */
class FakeGitHubGovernorTest {
  private static final String COMMENTS = "/repos/octo/hello/issues/1/comments";

  private FakeGitHubFixture f;
  private Repo target;
  private MutableClock clock;
  private RecordingWaiter waiter;
  private FakeGitHub github;
  private FakeRepo repo;
  private GitHubAccess access;

  @AfterEach
  void stop() {
    if (f != null) {
      f.verify();
      f.close();
    }
  }

  /** App mode; issue 1 seeded; the repository named with its installation (as webhooks do). */
  private void open(GovernorConfig governor) {
    f = FakeGitHubFixture.start(FakeGitHubFixture.Mode.APP_PKCS1, governor);
    clock = f.clock;
    waiter = f.waiter;
    github = f.github;
    repo = f.repo;
    access = f.access;
    repo.add(IssueSeed.issue("Crash on start").body("It crashes.").author("alice"));
    target = f.target.via(1);
  }

  private GitHubGateway gateway() {
    return access.gateway();
  }

  @Test
  void aSpentPrimaryLimitDelaysTheCommentWhichIsThenPostedOnce() {
    open(GovernorConfig.defaults().withMaxInlineWait(Duration.ofHours(2)));
    assertThat(gateway().getIssue(target, 1).isOk()).isTrue(); // opens the fake's window
    Instant reset = access.rateLimits().get("installation:1", "core").orElseThrow().resetAt();
    github.faults().on("POST", COMMENTS).once(Fault.primaryRateLimit());

    assertThat(gateway().createComment(target, 1, "hello").isOk()).isTrue();

    // the token minted at the start expired during the hour's wait: its 401 gets a fresh one
    List<RecordedRequest> posts = github.requests("POST", COMMENTS);
    assertThat(posts).extracting(RecordedRequest::status).containsExactly(403, 401, 201);
    assertThat(posts.get(1).time()).isAfterOrEqualTo(reset);
    assertThat(github.tokensMinted()).isEqualTo(2);
    assertThat(github.comments("octo", "hello", 1)).hasSize(1);
  }

  @Test
  void aSpentPrimaryLimitDefersByDefault() {
    open(GovernorConfig.defaults());
    github.faults().on("POST", COMMENTS).once(Fault.primaryRateLimit());
    GitHubResult<Comment> r = gateway().createComment(target, 1, "hello");
    assertThat(r).isInstanceOf(GitHubResult.Deferred.class);
    Instant reset = r.retryAt().orElseThrow();
    assertThat(reset).isAfter(clock.instant());
    assertThat(github.comments("octo", "hello", 1)).isEmpty();

    clock.set(reset);
    assertThat(gateway().createComment(target, 1, "hello").isOk()).isTrue();
    assertThat(github.comments("octo", "hello", 1)).hasSize(1);
  }

  @Test
  void bothFormsOfSecondaryLimitAreHonouredAndEachCommentPostedOnce() {
    open(GovernorConfig.defaults().withMaxInlineWait(Duration.ofMinutes(2)));
    github.faults().on("POST", COMMENTS).once(Fault.secondaryRateLimit(403, Duration.ofSeconds(3)));
    Instant t0 = clock.instant();
    assertThat(gateway().createComment(target, 1, "first").isOk()).isTrue();
    assertThat(waiter.waits()).contains(t0.plusSeconds(3));

    github.faults().on("POST", COMMENTS).once(Fault.secondaryRateLimit(429));
    Instant t1 = clock.instant();
    assertThat(gateway().createComment(target, 1, "second").isOk()).isTrue();
    assertThat(waiter.waits()).contains(t1.plusSeconds(1).plusSeconds(60)); // paced, then 60 s

    assertThat(github.comments("octo", "hello", 1))
        .extracting(c -> c.body())
        .containsExactly("first", "second");
    assertThat(github.requests("POST", COMMENTS))
        .extracting(RecordedRequest::status)
        .containsExactly(403, 201, 429, 201);
  }

  @Test
  void aSpentSearchLimitDoesNotStallCoreRequests() {
    open(GovernorConfig.defaults());
    github.rateLimits().setLimit("search", 1);
    assertThat(gateway().searchIssues(target, "is:open", 10).isOk()).isTrue(); // the last one
    GitHubResult<SearchResult> spent = gateway().searchIssues(target, "is:open", 10);
    assertThat(spent).isInstanceOf(GitHubResult.Deferred.class);
    for (int i = 0; i < 3; i++) {
      assertThat(gateway().getIssue(target, 1).isOk()).isTrue();
    }
    assertThat(github.requests("GET", "/search/issues")).hasSize(1); // the spent one never went
    assertThat(waiter.waits()).isEmpty();
  }

  @Test
  void theSecondPollOfTheSameReactionsIs304AndCostsNoQuota() {
    open(GovernorConfig.defaults());
    long comment = repo.comment(1, "alice", "please approve").id();
    repo.react(comment, "bob", "+1");
    String path = "/repos/octo/hello/issues/comments/" + comment + "/reactions";

    List<Reaction> first = reactions(comment);
    long remaining = access.rateLimits().get("installation:1", "core").orElseThrow().remaining();
    List<Reaction> second = reactions(comment);

    assertThat(second).isEqualTo(first).extracting(Reaction::content).containsExactly("+1");
    List<RecordedRequest> polls = github.requests("GET", path);
    assertThat(polls).extracting(RecordedRequest::status).containsExactly(200, 304);
    assertThat(polls.get(0).header("If-None-Match")).isEmpty();
    assertThat(polls.get(1).header("If-None-Match")).isPresent();
    assertThat(access.rateLimits().get("installation:1", "core").orElseThrow().remaining())
        .isEqualTo(remaining);
  }

  @Test
  void aGetAnswered502IsRetriedAndSucceeds() {
    open(GovernorConfig.defaults());
    github.faults().on("GET", "/repos/octo/hello/issues/1").once(Fault.badGateway());
    assertThat(gateway().getIssue(target, 1).orElseThrow().title()).isEqualTo("Crash on start");
    assertThat(github.requests("GET", "/repos/octo/hello/issues/1"))
        .extracting(RecordedRequest::status)
        .containsExactly(502, 200);
  }

  @Test
  void aBurstOfFiftyCommentsIsPacedBytheFakesClock() {
    open(GovernorConfig.defaults());
    for (int i = 0; i < 50; i++) {
      assertThat(gateway().createComment(target, 1, "comment " + i).isOk()).isTrue();
    }
    List<Instant> times =
        github.requests("POST", COMMENTS).stream().map(RecordedRequest::time).toList();
    assertThat(times).hasSize(50);
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(github.comments("octo", "hello", 1)).hasSize(50);
  }

  private List<Reaction> reactions(long comment) {
    return gateway()
        .listReactions(target, comment, Optional.empty())
        .orElseThrow()
        .orElseThrow()
        .value();
  }
}
