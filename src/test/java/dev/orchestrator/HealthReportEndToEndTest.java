package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.report.HealthIssueBody;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.JumpClock;
import dev.orchestrator.testing.ServerHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with {@code HEALTH_REPORT_INTERVAL} keeps one issue with the health summary in the
 * configured repository: created at start-up, edited once per interval (reached by jumping the
 * clock), and found again by its marker after a restart.
 */
class HealthReportEndToEndTest {
  private static final String ISSUES = "/repos/octo/ops/issues";

  /** A start-up in App mode on a loaded machine takes a while; the report ticks every 2 s. */
  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @TempDir Path dir;
  private final JumpClock clock = JumpClock.real();
  private GitHubScenario s;

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.github.assertNoUnknownRoutes();
      s.close();
    }
  }

  private static List<Issue> reports(FakeRepo repo) {
    return repo.issues().all().stream()
        .filter(i -> i.body() != null && i.body().startsWith(HealthIssueBody.MARKER))
        .toList();
  }

  private int edits(String issuePath) {
    return s.github.requests("PATCH", issuePath).size();
  }

  @Test
  void oneIssueIsCreatedThenEditedEachIntervalAndFoundAgainAfterARestart() {
    // a failed report (here: the repository is missing) waits for the next interval
    s =
        GitHubScenario.start(
            dir,
            GitHubScenario.env(
                "HEALTH_REPORT_INTERVAL", "6h", "HEALTH_REPORT_REPOSITORY", "octo/ops"),
            clock);
    // the repository does not exist yet: the start-up report fails, and the next interval's works
    Await.until(
        "the start-up report's attempt",
        PATIENCE,
        () -> !s.github.requests("GET", "/repos/octo/ops/installation").isEmpty());
    FakeRepo ops = s.repo("ops");
    assertThat(s.github.requests("GET", ISSUES)).isEmpty();
    clock.advance(Duration.ofHours(6));
    Await.until("the first health report", PATIENCE, () -> !reports(ops).isEmpty());
    Issue first = reports(ops).get(0);
    assertThat(first.title()).isEqualTo(HealthIssueBody.TITLE);
    assertThat(first.author().login()).isEqualTo(s.github.app().botLogin());
    assertThat(first.body()).contains("### Agent health: **", "| window | last 24h |");

    String issuePath = "/repos/octo/ops/issues/" + first.number();
    assertThat(s.github.requests("PATCH", issuePath)).isEmpty();
    clock.advance(Duration.ofHours(6));
    Await.until("the second health report", PATIENCE, () -> edits(issuePath) == 1);
    assertThat(reports(ops).get(0).body()).isNotEqualTo(first.body()).contains("6h");
    // the number was kept: the edit needed no second listing
    assertThat(s.github.requests("GET", ISSUES)).hasSize(1);

    s.restartServer();
    Await.until("the restarted server's report", PATIENCE, () -> edits(issuePath) == 2);
    assertThat(s.github.requests("GET", ISSUES)).hasSize(2);
    assertThat(s.github.requests("POST", ISSUES)).hasSize(1);
    assertThat(ops.issues().all())
        .singleElement()
        .extracting(Issue::number)
        .isEqualTo(first.number());
  }

  @Test
  void inTokenModeTheTokensUserKeepsTheIssue() {
    try (FakeGitHub github = FakeGitHub.start()) {
      FakeRepo ops = github.repo("octo", "ops");
      Map<String, String> env =
          Map.of(
              "MISSIONS_DIR", Path.of("missions").toAbsolutePath().toString(),
              "GITHUB_API_URL", github.apiUrl(),
              "GITHUB_TOKEN", github.personalAccessToken("octocat"),
              "HEALTH_REPORT_INTERVAL", "5m",
              "HEALTH_REPORT_REPOSITORY", "octo/ops");
      try (ServerHarness server = ServerHarness.start(dir, env, clock, app -> null)) {
        Await.until("the health report", PATIENCE, () -> !reports(ops).isEmpty());
        assertThat(server.get("/readyz").statusCode()).isEqualTo(200);
      }
      assertThat(reports(ops))
          .singleElement()
          .satisfies(i -> assertThat(i.author().login()).isEqualTo("octocat"));
      github.assertNoUnknownRoutes();
    }
  }
}
