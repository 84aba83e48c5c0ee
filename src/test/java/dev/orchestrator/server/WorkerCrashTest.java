package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.ServerProcess;
import dev.orchestrator.webhook.SignatureVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process killed with SIGKILL while a worker runs a mission whose comment GitHub
 * has taken but not yet answered: the next start reclaims the run, and the comment is not posted
 * twice. Then SIGTERM during a run: the run finishes within the grace and the process exits 0.
 */
class WorkerCrashTest {
  private static final String SECRET = "worker-crash-secret";

  @TempDir Path dir;
  FakeGitHub github;
  FakeRepo repo;
  Map<String, String> env;
  Path db;

  @BeforeEach
  void start() throws Exception {
    github = FakeGitHub.start();
    repo = github.repo(GitHubScenario.OWNER, "gadgets");
    repo.file(".github/agent.yml", "triggers: [issue-triage]\n");
    db = dir.resolve("agent.db");
    env = GitHubScenario.appEnv(github, dir);
    env.put("DATABASE_URL", "jdbc:sqlite:" + db);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("WEBHOOK_SECRET", SECRET);
    env.put("WORKERS", "1");
    env.put("SHUTDOWN_GRACE", "30s");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private void deliverOpened(ServerProcess server, int issue, String id) throws Exception {
    byte[] body =
        GitHubScenario.issuesOpened(repo, issue, "mona")
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/github/webhooks"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "issues")
            .header("X-GitHub-Delivery", id)
            .header("X-Hub-Signature-256", SignatureVerifier.sign(body, Secret.of(SECRET)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private List<Comment> outputs(int issue) {
    return repo.comments().on(issue).stream()
        .filter(c -> c.body().contains("<!-- agent-out:"))
        .toList();
  }

  private String status(long runId) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT status FROM runs WHERE id = " + runId)) {
      return rs.next() ? rs.getString(1) : "none";
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRunClaimedByAKilledProcessIsReclaimedAtTheNextStartAndPostsItsCommentOnce()
      throws Exception {
    int issue = repo.add(dev.orchestrator.fakegithub.state.IssueSeed.issue("Crash")).number();
    // GitHub takes the comment, then the answer never comes before the kill
    github
        .faults()
        .on("POST", "/repos/octo/gadgets/issues/*/comments")
        .once(Fault.applyThenDelay(Duration.ofSeconds(15)));
    try (ServerProcess first = ServerProcess.start(dir, env)) {
      deliverOpened(first, issue, "d-crash");
      Await.until("GitHub to hold the run's comment", () -> outputs(issue).size() == 1);
      assertThat(status(1)).isEqualTo("RUNNING");
      first.kill9();
    }
    try (ServerProcess second = ServerProcess.start(dir, env)) {
      Await.until("the reclaimed run to succeed", () -> status(1).equals("SUCCEEDED"));
      assertThat(outputs(issue)).as("the comment the first attempt posted is found").hasSize(1);
      assertThat(repo.issues().get(issue).labels()).containsExactly("needs-triage");
      assertThat(second.output()).contains("reclaiming them now");
      assertThat(second.terminate(Duration.ofSeconds(30))).isZero();
    }
    github.assertNoUnknownRoutes();
  }

  @Test
  void sigtermDuringARunLetsItFinishAndExitsZero() throws Exception {
    int issue = repo.add(dev.orchestrator.fakegithub.state.IssueSeed.issue("Slow")).number();
    github
        .faults()
        .on("POST", "/repos/octo/gadgets/issues/*/comments")
        .once(Fault.applyThenDelay(Duration.ofSeconds(3)));
    try (ServerProcess server = ServerProcess.start(dir, env)) {
      deliverOpened(server, issue, "d-term");
      Await.until("the run's comment to be in flight", () -> outputs(issue).size() == 1);
      assertThat(status(1)).isEqualTo("RUNNING");
      assertThat(server.terminate(Duration.ofSeconds(40))).isZero();
    }
    assertThat(status(1)).isEqualTo("SUCCEEDED");
    assertThat(outputs(issue)).hasSize(1);
  }
}
