package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installations are separate lanes: one's waits and failures never hold up another's. */
class LaneIsolationTest {
  private static final Repo OTHER = new Repo("octo", "other", OptionalLong.of(78));
  private static final String FAILING = "/repos/octo/repo/issues/comments/5";
  private static final String HEALTHY = "/repos/octo/other/issues/comments/5";

  @TempDir Path dir;
  private Fixture f;

  @BeforeEach
  void start() {
    f = Fixture.app(dir);
    f.api.route("GET", HEALTHY, r -> LoopbackApi.Reply.json(200, TransportTest.comment(5, "ok")));
  }

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  @Test
  void aWorkerIsFreeWhileItsInstallationWaitsAndTheOtherGoesOn() throws Exception {
    Instant t0 = f.clock.instant();
    f.api.route("GET", FAILING, r -> Replies.retryAfter(403, 600, t0.plus(Duration.ofHours(1))));

    // the waiting installation's call comes back at once, on a worker thread, with its instant
    GitHubResult<Comment> waiting =
        CompletableFuture.supplyAsync(() -> f.gateway().getComment(Fixture.REPO, 5))
            .get(10, TimeUnit.SECONDS);
    assertThat(waiting.retryAt()).contains(t0.plusSeconds(600));
    assertThat(waiting.describe())
        .contains("waiting out a secondary rate limit of installation:77");

    for (int i = 0; i < 3; i++) {
      assertThat(f.gateway().getComment(OTHER, 5).isOk()).isTrue();
      assertThat(f.gateway().getComment(Fixture.REPO, 5).retryAt()).contains(t0.plusSeconds(600));
    }
    assertThat(f.api.requests("GET", FAILING)).hasSize(1); // the waits sent nothing
    assertThat(f.api.requests("GET", HEALTHY)).hasSize(3);
    assertThat(f.waiter.waits()).isEmpty(); // no thread sat anything out
    assertThat(f.clock.instant()).isEqualTo(t0);
  }

  @Test
  void aTokenMintHeldByTheAppsRateLimitDefersTheInstallationsCall() {
    Instant t0 = f.clock.instant();
    f.api.route(
        "POST",
        "/app/installations/77/access_tokens",
        r -> Replies.retryAfter(429, 90, t0.plus(Duration.ofHours(1))));
    GitHubResult<Comment> r = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(r.retryAt()).contains(t0.plusSeconds(90));
    assertThat(r.describe()).contains("minting a token for installation 77");
    assertThat(f.api.requests("GET", FAILING)).isEmpty();
    assertThat(f.waiter.waits()).isEmpty();
  }

  @Test
  void repeated5xxOpenOneInstallationsBreakerAndLeaveTheOtherAlone() {
    AtomicBoolean failing = new AtomicBoolean(true);
    f.api.route(
        "GET",
        FAILING,
        r ->
            failing.get()
                ? LoopbackApi.Reply.json(502, "{\"message\":\"Server Error\"}")
                : LoopbackApi.Reply.json(200, TransportTest.comment(5, "back")));

    // each call fails after its three tries; five failed calls of five open the breaker
    for (int i = 0; i < GovernorConfig.DEFAULT_BREAKER_MINIMUM_ATTEMPTS; i++) {
      GitHubResult<Comment> failed = f.gateway().getComment(Fixture.REPO, 5);
      assertThat(((GitHubResult.Failed<Comment>) failed).kind())
          .isEqualTo(FailureKind.SERVER_ERROR);
      assertThat(f.gateway().getComment(OTHER, 5).isOk()).isTrue();
    }
    assertThat(f.api.requests("GET", FAILING)).hasSize(15);

    // open: calls fail fast as infrastructure failures, without a request
    Instant openedAt = f.clock.instant();
    GitHubResult<Comment> fast = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(((GitHubResult.Failed<Comment>) fast).kind()).isEqualTo(FailureKind.BREAKER_OPEN);
    assertThat(fast.infrastructure()).isTrue();
    assertThat(fast.describe())
        .contains(
            "GitHub failed repeatedly for installation:77, so its requests pause until "
                + openedAt.plus(GovernorConfig.DEFAULT_BREAKER_OPEN_FOR));
    assertThat(f.api.requests("GET", FAILING)).hasSize(15);
    assertThat(f.gateway().getComment(OTHER, 5).isOk()).isTrue(); // the other goes on

    // after the open period one call is let through; its success closes the breaker
    failing.set(false);
    f.clock.advance(GovernorConfig.DEFAULT_BREAKER_OPEN_FOR.minusSeconds(1));
    assertThat(f.gateway().getComment(Fixture.REPO, 5).describe()).contains("pause until");
    f.clock.advance(Duration.ofSeconds(2));
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(f.api.requests("GET", FAILING)).hasSize(17);
    assertThat(f.api.requests("GET", HEALTHY)).hasSize(6);
  }

  @Test
  void aWriteIsNotRetriedButItsFailureCountsForTheBreaker() {
    String comments = "/repos/octo/repo/issues/1/comments";
    f.api.route("POST", comments, r -> LoopbackApi.Reply.json(503, "{}"));
    for (int i = 0; i < 5; i++) {
      assertThat(f.gateway().createComment(Fixture.REPO, 1, "x " + i))
          .isInstanceOf(GitHubResult.OutcomeUnknown.class);
    }
    GitHubResult<Comment> sixth = f.gateway().createComment(Fixture.REPO, 1, "x 5");
    assertThat(((GitHubResult.Failed<Comment>) sixth).kind()).isEqualTo(FailureKind.BREAKER_OPEN);
    assertThat(f.api.requests("POST", comments)).hasSize(5); // each sent once, the sixth not at all
    assertThat(f.gateway().getComment(OTHER, 5).isOk()).isTrue();
  }
}
