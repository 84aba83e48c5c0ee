package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The governor against GitHub's primary and secondary limits, with a test clock. */
class RateLimitTest {
  private static final String COMMENTS = "/repos/octo/repo/issues/1/comments";
  private static final String COMMENT = "/repos/octo/repo/issues/comments/5";
  private static final String ISSUE = "/repos/octo/repo/issues/1";

  private Fixture f;
  private Instant t0;
  private final List<String> stored = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  private void start(GovernorConfig governor) {
    f = Fixture.token("tok", Fixture.relaxed(), governor);
    t0 = f.clock.instant();
  }

  /** POSTs answered by {@code answers} in turn; a 201 stores the comment, as GitHub would. */
  private void comments(List<Function<Integer, LoopbackApi.Reply>> answers) {
    AtomicInteger calls = new AtomicInteger();
    f.api.route(
        "POST",
        COMMENTS,
        r -> {
          int n = calls.getAndIncrement();
          LoopbackApi.Reply reply = answers.get(Math.min(n, answers.size() - 1)).apply(n);
          if (reply.status() == 201) {
            stored.add(r.body());
          }
          return reply;
        });
  }

  private LoopbackApi.Reply created(int n) {
    return Replies.ok(
        201,
        TransportTest.comment(100 + n, "hello"),
        Replies.limits("core", 5000, 4000, t0.plus(Duration.ofHours(1))));
  }

  @Test
  void aSpentPrimaryLimitIsWaitedOutAndTheWriteSentAgainAfterTheReset() {
    start(GovernorConfig.defaults().withMaxInlineWait(Duration.ofHours(2)));
    Instant reset = t0.plus(Duration.ofMinutes(20));
    comments(List.of(n -> Replies.exhausted("core", 5000, reset), this::created));

    Comment c = f.gateway().createComment(Fixture.REPO, 1, "hello").orElseThrow();

    assertThat(c.id()).isEqualTo(101);
    List<LoopbackApi.Received> posts = f.api.requests("POST", COMMENTS);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).at()).isAfterOrEqualTo(reset);
    assertThat(f.waiter.waits()).contains(reset);
    assertThat(stored).hasSize(1);
  }

  @Test
  void aSpentPrimaryLimitDefersTheCallUntilTheResetWithoutHoldingTheWorker() {
    start(GovernorConfig.defaults());
    Instant reset = t0.plus(Duration.ofMinutes(30));
    AtomicInteger reads = new AtomicInteger();
    f.api.route(
        "GET",
        ISSUE,
        r ->
            reads.getAndIncrement() == 0
                ? Replies.exhausted("core", 5000, reset)
                : Replies.ok(
                    200,
                    TransportTest.ISSUE_JSON,
                    Replies.limits("core", 5000, 4999, reset.plus(Duration.ofHours(1)))));

    GitHubResult<Issue> first = f.gateway().getIssue(Fixture.REPO, 1);
    assertThat(first).isInstanceOf(GitHubResult.Deferred.class);
    assertThat(first.retryAt()).contains(reset);
    assertThat(first.infrastructure()).isFalse();
    assertThat(first.describe())
        .startsWith("getting issue \"octo/repo#1\": GET /repos/octo/repo/issues/1: ")
        .contains("the \"core\" rate limit of token is spent until " + reset);
    assertThat(f.waiter.waits()).isEmpty(); // nobody sat out the half hour
    assertThat(f.clock.instant()).isEqualTo(t0);

    // before the reset nothing is sent at all
    f.clock.advance(Duration.ofMinutes(10));
    assertThat(f.gateway().getIssue(Fixture.REPO, 1).retryAt()).contains(reset);
    assertThat(f.api.requests("GET", ISSUE)).hasSize(1);

    f.clock.set(reset);
    assertThat(f.gateway().getIssue(Fixture.REPO, 1).orElseThrow().number()).isEqualTo(1);
    assertThat(f.api.requests("GET", ISSUE)).hasSize(2);
  }

  @Test
  void aSecondaryLimitWithRetryAfterIsWaitedThatLongAndTheCommentPostedOnce() {
    start(GovernorConfig.defaults());
    comments(List.of(n -> Replies.retryAfter(403, 3, t0.plus(Duration.ofHours(1))), this::created));

    assertThat(f.gateway().createComment(Fixture.REPO, 1, "hello").isOk()).isTrue();

    List<LoopbackApi.Received> posts = f.api.requests("POST", COMMENTS);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).at()).isAfterOrEqualTo(t0.plusSeconds(3));
    assertThat(f.waiter.waits()).contains(t0.plusSeconds(3));
    assertThat(stored).hasSize(1);
  }

  @Test
  void aLongRetryAfterDefersThePostWhichIsSentOnceAfterwards() {
    start(GovernorConfig.defaults());
    comments(
        List.of(n -> Replies.retryAfter(429, 120, t0.plus(Duration.ofHours(1))), this::created));

    GitHubResult<Comment> first = f.gateway().createComment(Fixture.REPO, 1, "hello");
    assertThat(first).isInstanceOf(GitHubResult.Deferred.class);
    assertThat(first.retryAt()).contains(t0.plusSeconds(120));
    assertThat(first.describe()).contains("waiting out a secondary rate limit of token");
    assertThat(stored).isEmpty();

    f.clock.set(first.retryAt().orElseThrow());
    assertThat(f.gateway().createComment(Fixture.REPO, 1, "hello").isOk()).isTrue();
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(2);
    assertThat(stored).hasSize(1);
  }

  @Test
  void aSecondaryLimitWithoutRetryAfterWaitsAMinuteThenLongerAndStartsOverAfterASuccess() {
    start(GovernorConfig.defaults().withMaxInlineWait(Duration.ofHours(1)));
    Instant reset = t0.plus(Duration.ofHours(1));
    comments(
        List.of(
            n -> Replies.secondary(reset),
            n -> Replies.secondary(reset),
            this::created,
            n -> Replies.secondary(reset),
            this::created));

    assertThat(f.gateway().createComment(Fixture.REPO, 1, "hello").isOk()).isTrue();
    Instant afterFirst = f.clock.instant();
    assertThat(f.gateway().createComment(Fixture.REPO, 1, "again").isOk()).isTrue();

    Instant paced = afterFirst.plusSeconds(1); // writes go at least a second apart
    assertThat(f.waiter.waits())
        .containsExactly(
            t0.plusSeconds(60), t0.plusSeconds(60 + 120), paced, paced.plusSeconds(60));
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(5);
    assertThat(stored).hasSize(2); // each comment once
  }

  @Test
  void aSpentSearchLimitDoesNotStallCoreRequests() {
    start(GovernorConfig.defaults());
    Instant searchReset = t0.plusSeconds(50);
    f.api.route("GET", "/search/issues", r -> Replies.exhausted("search", 30, searchReset));
    f.api.route(
        "GET",
        COMMENT,
        r ->
            Replies.ok(
                200,
                TransportTest.comment(5, "hi"),
                Replies.limits("core", 5000, 4999, t0.plus(Duration.ofHours(1)))));

    GitHubResult<SearchResult> search = f.gateway().searchIssues(Fixture.REPO, "is:open", 10);
    assertThat(search.retryAt()).contains(searchReset);
    for (int i = 0; i < 3; i++) {
      assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    }
    assertThat(f.gateway().searchIssues(Fixture.REPO, "is:open", 10).retryAt())
        .contains(searchReset);

    assertThat(f.api.requests("GET", "/search/issues")).hasSize(1);
    assertThat(f.api.requests("GET", COMMENT)).hasSize(3);
    assertThat(f.waiter.waits()).isEmpty();
    assertThat(f.access.rateLimits().get("token", "search").orElseThrow().remaining()).isZero();
    assertThat(f.access.rateLimits().get("token", "core").orElseThrow().remaining())
        .isEqualTo(4999);
  }

  @Test
  void belowTheReserveOnlyInteractiveRequestsGoAndAtZeroNoneDo() {
    start(GovernorConfig.defaults());
    Instant reset = t0.plus(Duration.ofMinutes(30));
    AtomicInteger remaining = new AtomicInteger(400); // 8 % of 5000
    f.api.route(
        "GET",
        COMMENT,
        r ->
            Replies.ok(
                200,
                TransportTest.comment(5, "hi"),
                Replies.limits("core", 5000, remaining.decrementAndGet(), reset)));

    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue(); // state unknown yet
    GitHubResult<Comment> background = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(background.retryAt()).contains(reset);
    assertThat(background.describe())
        .contains(
            "keeping the last 10 % of the \"core\" rate limit of token for interactive requests"
                + " (399 of 5000 left)");
    assertThat(f.gateway(Priority.INTERACTIVE).getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(f.api.requests("GET", COMMENT)).hasSize(2);

    remaining.set(1); // the next answer says 0 left
    assertThat(f.gateway(Priority.INTERACTIVE).getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(f.gateway(Priority.INTERACTIVE).getComment(Fixture.REPO, 5).retryAt())
        .contains(reset);
    assertThat(f.api.requests("GET", COMMENT)).hasSize(3);

    f.clock.set(reset); // a new window: the old figures no longer hold anyone back
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
  }

  @Test
  void kohsukesCallsAreGovernedAndDeferredToo() {
    start(GovernorConfig.defaults());
    Instant reset = t0.plus(Duration.ofMinutes(15));
    f.api.route("GET", "/repos/octo/repo", r -> Replies.exhausted("core", 5000, reset));
    GitHubResult<String> branch = f.gateway().defaultBranch(Fixture.REPO); // through kohsuke
    assertThat(branch).isInstanceOf(GitHubResult.Deferred.class);
    assertThat(branch.retryAt()).contains(reset);
    assertThat(branch.describe()).startsWith("reading the default branch of \"octo/repo\": ");
    assertThat(f.api.requests("GET", "/repos/octo/repo")).hasSize(1);
  }

  @Test
  void withoutRateLimitHeadersNothingIsHeldBackAndNothingIsReported() {
    start(GovernorConfig.defaults());
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(200, TransportTest.comment(5, "x")));
    for (int i = 0; i < 5; i++) {
      assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    }
    assertThat(f.access.rateLimits().snapshot()).isEmpty();
    assertThat(f.waiter.waits()).isEmpty();
  }

  @Test
  void aForbiddenAnswerThatIsNoRateLimitIsReturnedAsIs() {
    start(GovernorConfig.defaults());
    f.api.route(
        "POST",
        COMMENTS,
        r ->
            LoopbackApi.Reply.json(
                403,
                "{\"message\":\"Resource not accessible by integration\"}",
                Replies.limits("core", 5000, 4990, t0.plus(Duration.ofHours(1)))));
    GitHubResult<Comment> r = f.gateway().createComment(Fixture.REPO, 1, "hello");
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<Comment>) r).kind()).isEqualTo(FailureKind.REFUSED);
    assertThat(r.describe()).endsWith("403 from GitHub: resource not accessible by integration");
    assertThat(f.api.requests("POST", COMMENTS)).hasSize(1);
  }

  @Test
  void aCallStillThrottledAfterItsSendsIsDeferred() {
    start(GovernorConfig.defaults());
    comments(List.of(n -> Replies.retryAfter(403, 1, t0.plus(Duration.ofHours(1)))));
    GitHubResult<Comment> r = f.gateway().createComment(Fixture.REPO, 1, "hello");
    assertThat(r).isInstanceOf(GitHubResult.Deferred.class);
    assertThat(r.describe()).contains("still rate limited after 4 sends");
    assertThat(f.api.requests("POST", COMMENTS))
        .hasSize(GovernorConfig.DEFAULT_MAX_THROTTLED_SENDS);
    assertThat(stored).isEmpty();
  }
}
