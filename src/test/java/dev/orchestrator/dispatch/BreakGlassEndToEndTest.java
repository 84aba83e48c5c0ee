package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.CliRun;
import dev.orchestrator.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent approve --as} and {@code agent cancel} against a running server's database: the
 * server's workers resume an approved run and its poller reports both decisions on GitHub.
 */
class BreakGlassEndToEndTest {
  @TempDir Path dir;
  private ApprovalScene a;

  @BeforeEach
  void start() throws Exception {
    a = new ApprovalScene(Files.createDirectories(dir.resolve("server")), Map.of());
  }

  @AfterEach
  void stop() {
    a.close();
  }

  private CliRun cli(String... args) {
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            "jdbc:sqlite:" + a.s.server.database,
            "GITHUB_API_URL",
            "http://127.0.0.1:1",
            "MISSIONS_DIR",
            Path.of("missions").toAbsolutePath().toString());
    return CliRun.run(env, a.clock, dir.resolve(".env"), args);
  }

  @Test
  void anOperatorApprovalIsResumedByTheServerAndRecordedAsBreakGlass() {
    long run = a.blockedRunOnNewIssue("d-cli-approve");
    a.pollOnce(run); // the poller knows the run is waiting
    CliRun r = cli("approve", Long.toString(run), "--as", "ops-lead");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run " + run + " approved by @ops-lead").contains("break glass");
    a.awaitStatus(run, "SUCCEEDED");
    a.awaitComment(run, "succeeded");
    assertThat(a.transcript(run)).contains("\"break_glass\" : true").contains("ops-lead");
    assertThat(a.repo.issues().get(a.stale).labels()).contains("stale");

    CliRun again = cli("approve", Long.toString(run), "--as", "ops-lead");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is SUCCEEDED, so there is nothing to decide");
  }

  @Test
  void anOperatorCancelIsReportedOnGitHubByTheServer() {
    long run = a.blockedRunOnNewIssue("d-cli-cancel");
    a.pollOnce(run);
    CliRun r = cli("cancel", Long.toString(run));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(a.status(run)).isEqualTo("CANCELLED");
    Await.until(
        "the server to edit the status comment",
        () -> a.statusComment(run).body().contains("cancelled"));
    assertThat(a.transcript(run)).contains("\"break_glass\" : true").contains("operator");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(cli("approve", "1").exitCode()).isEqualTo(2);
    assertThat(cli("approve", "1", "--as", "-bad-").exitCode()).isEqualTo(2);
    assertThat(cli("cancel", "0").exitCode()).isEqualTo(2);
  }
}
