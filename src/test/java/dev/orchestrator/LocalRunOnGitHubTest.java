package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.health.HealthContext;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent run} with App credentials acts on GitHub: the shipped {@code issue-triage} mission
 * against FakeGitHub. Real time: the label and the comment are paced a second apart.
 */
class LocalRunOnGitHubTest {
  @TempDir Path dir;
  private FakeGitHub github;
  private App app;

  @BeforeEach
  void start() throws Exception {
    github = FakeGitHub.start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start").author("alice"));
    Path key = dir.resolve("app.pem");
    Files.writeString(key, github.keys().pkcs1Pem());
    Map<String, String> env =
        Map.of(
            "APP_ID", Long.toString(github.appId()),
            "PRIVATE_KEY_PATH", key.toString(),
            "GITHUB_API_URL", github.apiUrl(),
            "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("agent.db"));
    app = new AppFactory(env, Clock.systemUTC(), dir.resolve(".env")).open();
  }

  @AfterEach
  void stop() {
    app.close();
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void issueTriageLabelsTheIssueAndAnswersItWithOneToken() throws Exception {
    ObjectNode event = (ObjectNode) new ObjectMapper().readTree(Payloads.bytes("issues.opened"));
    ((ObjectNode) event.path("repository")).put("full_name", "octo/hello");
    ((ObjectNode) event.path("issue")).put("number", 1);
    event.putObject("installation").put("id", 1);

    LocalRun.Result result =
        new LocalRun(app).run(Path.of("missions/issue-triage.yml"), event, Map.of(), false);

    LocalRun.Result.Ran ran = (LocalRun.Result.Ran) result;
    assertThat(ran.result().outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(ran.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(github.repo("octo", "hello").issues().get(1).labels())
        .containsExactly("needs-triage");
    assertThat(github.comments("octo", "hello", 1)).hasSize(1);
    assertThat(github.tokensMinted()).isEqualTo(1);
    // the installation's core budget as the fake reported it: three requests spent
    HealthContext.RateLimit limit = app.rateLimit().orElseThrow();
    assertThat(limit.limit()).isEqualTo(5000);
    assertThat(limit.remaining()).isEqualTo(4997);
  }

  @Test
  void aDryRunReadsFromGitHubAndRecordsItsWrites() throws Exception {
    ObjectNode event = (ObjectNode) new ObjectMapper().readTree(Payloads.bytes("issues.opened"));
    ((ObjectNode) event.path("repository")).put("full_name", "octo/hello");
    ((ObjectNode) event.path("issue")).put("number", 1);

    LocalRun.Result.Ran ran =
        (LocalRun.Result.Ran)
            new LocalRun(app).run(Path.of("missions/issue-triage.yml"), event, Map.of(), true);

    assertThat(ran.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(github.requests("GET", "/repos/octo/hello/issues/1")).hasSize(1);
    assertThat(github.repo("octo", "hello").issues().get(1).labels()).isEmpty();
    assertThat(github.comments("octo", "hello", 1)).isEmpty();
  }
}
