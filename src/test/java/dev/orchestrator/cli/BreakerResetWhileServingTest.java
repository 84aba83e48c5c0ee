package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.App;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent breaker reset} and {@code agent runs} against the database of a running server: the
 * reset is seen by its workers without a restart.
 */
class BreakerResetWhileServingTest {
  @TempDir Path dir;
  GitHubScenario s;

  @AfterEach
  void stop() {
    if (s != null) {
      s.close();
    }
  }

  private RunStatus statusOf(Cli cli, long runId) {
    try (App app = cli.app()) {
      return app.runs().find(runId).orElseThrow().status();
    }
  }

  @Test
  void aRunHeldByAnOpenBreakerGoesOnceTheOperatorResetsIt() throws Exception {
    s = GitHubScenario.start(Files.createDirectories(dir.resolve("server")), Map.of());
    FakeRepo repo = s.repo("widgets");
    repo.role("tess", "triage");
    int issue = s.issue(repo, "Crash on start");

    Cli cli = new Cli(Files.createDirectories(dir.resolve("cli")));
    cli.env.put("DATABASE_URL", "jdbc:sqlite:" + s.server.database);
    cli.clock.set(Instant.now());
    try (App app = cli.app()) {
      for (int i = 0; i < 5; i++) {
        app.breaker().recordFailure("issue-triage", 1, true);
      }
    }

    s.comment(repo, issue, "tess", "User", "/agent triage", "d-held");
    s.awaitDispatched();
    Cli.Result queued = cli.run("runs", "--status", "queued", "--repo", repo.fullName());
    assertThat(queued.out()).contains("issue-triage").contains("QUEUED");
    long runId = Long.parseLong(queued.out().lines().toList().get(1).trim().split("\\s+")[0]);
    // The workers look at the queue every few seconds; the run stays while the breaker is open.
    long idle = s.server.server().idleClaims();
    Await.until(
        "the workers to pass over the held run",
        Duration.ofSeconds(30),
        () -> s.server.server().idleClaims() >= idle + 3);
    assertThat(statusOf(cli, runId)).isEqualTo(RunStatus.QUEUED);

    Cli.Result reset = cli.run("breaker", "reset", "--mission", "issue-triage");
    assertThat(reset.exit()).as(reset.err()).isZero();
    Await.until(
        "the run to succeed after the reset",
        Duration.ofSeconds(60),
        () -> statusOf(cli, runId) == RunStatus.SUCCEEDED);
  }
}
