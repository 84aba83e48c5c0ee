package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * App authentication against the FakeGitHub, which verifies the JWT with the App's public key and
 * expires installation tokens after an hour of the clock it shares with the gateway.
 */
class GatewayTokensAgainstFakeGitHubTest {
  private static final String ISSUE = "/repos/octo/hello/issues/1";

  private FakeGitHubFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.verify();
      f.close();
    }
  }

  private GitHubGateway start(Mode mode) {
    f = FakeGitHubFixture.start(mode);
    f.repo.add(IssueSeed.issue("Crash on start"));
    return f.gateway();
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"APP_PKCS1", "APP_PKCS8"})
  void bothKeyFormatsSignJwtsTheFakeAccepts(Mode mode) {
    GitHubGateway gh = start(mode);
    assertThat(gh.appIdentity().orElseThrow().id()).isEqualTo(f.github.appId());
    assertThat(gh.getIssue(f.target, 1).orElseThrow().title()).isEqualTo("Crash on start");
    assertThat(f.github.tokensMinted()).isEqualTo(1);
  }

  @Test
  void oneTokenServesManyRequestsAndIsRefreshedFiveMinutesBeforeItExpires() {
    GitHubGateway gh = start(Mode.APP_PKCS1);
    for (int i = 0; i < 5; i++) {
      gh.getIssue(f.target, 1).orElseThrow();
      gh.addLabels(f.target, 1, List.of("bug")).orElseThrow();
      gh.listComments(f.target, 1, Optional.empty()).orElseThrow();
    }
    assertThat(f.github.tokensMinted()).isEqualTo(1);
    assertThat(f.github.requests("GET", "/repos/octo/hello/installation"))
        .as("the repository's installation is looked up once")
        .hasSize(1);

    f.clock.advance(Duration.ofMinutes(54)); // 6 minutes left: still used
    gh.getIssue(f.target, 1).orElseThrow();
    assertThat(f.github.tokensMinted()).isEqualTo(1);

    f.clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // under 5 minutes left: refreshed
    gh.getIssue(f.target, 1).orElseThrow();
    assertThat(f.github.tokensMinted()).isEqualTo(2);
    List<RecordedRequest> reads = f.github.requests("GET", ISSUE);
    String before = reads.get(reads.size() - 2).header("Authorization").orElseThrow();
    String after = reads.get(reads.size() - 1).header("Authorization").orElseThrow();
    assertThat(after).startsWith("Bearer ghs_").isNotEqualTo(before);
    assertThat(reads).extracting(RecordedRequest::status).containsOnly(200);
  }

  @Test
  void concurrentFirstRequestsShareOneMint() throws Exception {
    GitHubGateway gh = start(Mode.APP_PKCS1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<GitHubResult<Issue>>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return gh.getIssue(f.target.via(1), 1);
                }));
      }
      go.countDown();
      for (Future<GitHubResult<Issue>> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS).isOk()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.github.tokensMinted()).isEqualTo(1);
  }

  @Test
  void a401IsRecoveredWithOneFreshTokenAndOneRetry() {
    GitHubGateway gh = start(Mode.APP_PKCS1);
    gh.getIssue(f.target, 1).orElseThrow();
    f.github.faults().on("POST", ISSUE + "/labels").once(Fault.expiredToken());

    assertThat(gh.addLabels(f.target, 1, List.of("needs-triage")).isOk()).isTrue();
    assertThat(f.github.tokensMinted()).isEqualTo(2);
    assertThat(f.github.requests("POST", ISSUE + "/labels"))
        .extracting(RecordedRequest::status)
        .containsExactly(401, 200);
    assertThat(f.repo.issues().get(1).labels()).containsExactly("needs-triage");
  }

  @Test
  void a401ThatPersistsIsReportedAfterOneRetry() {
    GitHubGateway gh = start(Mode.APP_PKCS1);
    gh.getIssue(f.target, 1).orElseThrow();
    f.github.faults().on("POST", ISSUE + "/labels").times(2, Fault.expiredToken());

    GitHubResult<Labels> r = gh.addLabels(f.target, 1, List.of("needs-triage"));
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<Labels>) r).status()).isEqualTo(401);
    assertThat(f.github.requests("POST", ISSUE + "/labels")).hasSize(2);
    assertThat(f.github.tokensMinted()).isEqualTo(2);
    assertThat(r.describe()).doesNotContain("ghs_").doesNotContain("eyJ");
  }

  @Test
  void aRejectedPersonalTokenIsReportedNotRetried() {
    GitHubGateway gh = start(Mode.TOKEN);
    f.github.faults().on("GET", ISSUE).once(Fault.expiredToken());

    GitHubResult<Issue> r = gh.getIssue(f.target, 1);
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<Issue>) r).status()).isEqualTo(401);
    assertThat(f.github.requests("GET", ISSUE)).hasSize(1);
    assertThat(r.describe()).doesNotContain("ghp_");
  }
}
