package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTokensTest {
  private static final String COMMENT = "/repos/octo/repo/issues/comments/5";
  private static final String COMMENT_JSON =
      "{\"id\":5,\"body\":\"hi\",\"user\":{\"login\":\"alice\",\"type\":\"User\"},"
          + "\"created_at\":\"2025-06-01T11:00:00Z\",\"updated_at\":\"2025-06-01T11:00:00Z\","
          + "\"html_url\":\"https://github.com/octo/repo/issues/1#issuecomment-5\"}";

  @TempDir Path dir;
  private Fixture f;

  @BeforeEach
  void start() {
    f = Fixture.app(dir);
  }

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  @Test
  void oneTokenIsMintedForManyRequestsAndRefreshedNearExpiry() {
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(200, COMMENT_JSON));
    for (int i = 0; i < 5; i++) {
      assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    }
    assertThat(f.api.mints()).isEqualTo(1);
    assertThat(f.api.requests("GET", COMMENT))
        .extracting(r -> r.header("Authorization"))
        .containsOnly("Bearer ghs_77_1");

    f.clock.advance(Duration.ofMinutes(54)); // 6 minutes left: still good
    f.gateway().getComment(Fixture.REPO, 5);
    assertThat(f.api.mints()).isEqualTo(1);

    f.clock.advance(Duration.ofMinutes(2)); // 4 minutes left: refreshed before use
    f.gateway().getComment(Fixture.REPO, 5);
    assertThat(f.api.mints()).isEqualTo(2);
    assertThat(last(f.api.requests("GET", COMMENT)).header("Authorization"))
        .isEqualTo("Bearer ghs_77_2");
  }

  @Test
  void concurrentCallersShareOneMint() throws Exception {
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(200, COMMENT_JSON));
    int callers = 8;
    CountDownLatch arrived = new CountDownLatch(callers);
    f.api.holdMintsUntil(arrived); // the mint answers only once every caller has asked
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<GitHubResult<Comment>>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  arrived.countDown();
                  return f.gateway().getComment(Fixture.REPO, 5);
                }));
      }
      for (Future<GitHubResult<Comment>> r : results) {
        assertThat(r.get().isOk()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.api.mints()).isEqualTo(1);
    assertThat(f.api.requests("GET", COMMENT)).hasSize(callers);
  }

  @Test
  void a401RefreshesTheTokenOnceAndRetriesOnce() {
    AtomicInteger calls = new AtomicInteger();
    f.api.route(
        "GET",
        COMMENT,
        r ->
            calls.incrementAndGet() == 1
                ? LoopbackApi.Reply.json(401, "{\"message\":\"Bad credentials\"}")
                : LoopbackApi.Reply.json(200, COMMENT_JSON));
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(f.api.mints()).isEqualTo(2);
    assertThat(f.api.requests("GET", COMMENT))
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer ghs_77_1", "Bearer ghs_77_2");
  }

  @Test
  void aSecond401IsReportedNotRetriedAgainAndLeaksNoSecret() {
    f.api.route(
        "POST",
        "/repos/octo/repo/issues/1/comments",
        r -> LoopbackApi.Reply.json(401, "{\"message\":\"Bad credentials\"}"));
    GitHubResult<Comment> r = f.gateway().createComment(Fixture.REPO, 1, "hello");
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<Comment>) r).status()).isEqualTo(401);
    assertThat(r.describe())
        .isEqualTo("posting a comment on \"octo/repo#1\": 401 from GitHub: bad credentials");
    assertThat(f.api.requests("POST", "/repos/octo/repo/issues/1/comments")).hasSize(2);
    assertThat(f.api.mints()).isEqualTo(2);
    assertThat(r.describe()).doesNotContain("ghs_").doesNotContain("Bearer");
  }

  @Test
  void aRefusedMintIsAValueNamingWhatToCheck() {
    f.api.route(
        "POST",
        "/app/installations/(\\d+)/access_tokens",
        r ->
            LoopbackApi.Reply.json(401, "{\"message\":\"A JSON web token could not be decoded\"}"));
    GitHubResult<Comment> r = f.gateway().getComment(Fixture.REPO, 5);
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(r.describe())
        .startsWith("getting comment 5 in \"octo/repo\": GET /repos/octo/repo/issues/comments/5: ")
        .contains("minting a token for installation 77: 401 from GitHub")
        .contains("check APP_ID, the private key and the clock")
        .doesNotContain("eyJ"); // no JWT
    assertThat(f.api.requests("GET", COMMENT)).isEmpty();
  }

  @Test
  void unknownInstallationIsLookedUpOnceWithTheAppJwt() {
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.json(200, COMMENT_JSON));
    f.api.route(
        "GET",
        "/repos/octo/repo/installation",
        r -> LoopbackApi.Reply.json(200, "{\"id\":77,\"account\":{\"login\":\"octo\"}}"));
    Repo repo = Repo.of("octo/repo");
    f.gateway().getComment(repo, 5);
    f.gateway().getComment(repo, 5);
    List<LoopbackApi.Received> lookups = f.api.requests("GET", "/repos/octo/repo/installation");
    assertThat(lookups).hasSize(1);
    assertThat(lookups.get(0).header("Authorization")).startsWith("Bearer eyJ");
    assertThat(f.api.requests("GET", COMMENT))
        .extracting(r -> r.header("Authorization"))
        .containsOnly("Bearer ghs_77_1");
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
