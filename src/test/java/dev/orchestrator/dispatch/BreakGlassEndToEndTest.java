package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.AppFactory;
import dev.orchestrator.cli.AgentCommand;
import dev.orchestrator.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  private record Result(int exit, String out, String err) {}

  private Result cli(String... args) {
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            "jdbc:sqlite:" + a.s.server.database,
            "GITHUB_API_URL",
            "http://127.0.0.1:1",
            "MISSIONS_DIR",
            Path.of("missions").toAbsolutePath().toString());
    CommandLine cl = AgentCommand.commandLine(new AppFactory(env, a.clock, dir.resolve(".env")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void anOperatorApprovalIsResumedByTheServerAndRecordedAsBreakGlass() {
    long run = a.blockedRunOnNewIssue("d-cli-approve");
    a.pollOnce(run); // the poller knows the run is waiting
    Result r = cli("approve", Long.toString(run), "--as", "ops-lead");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("run " + run + " approved by @ops-lead").contains("break glass");
    a.awaitStatus(run, "SUCCEEDED");
    a.awaitComment(run, "succeeded");
    assertThat(a.transcript(run)).contains("\"break_glass\" : true").contains("ops-lead");
    assertThat(a.repo.issues().get(a.stale).labels()).contains("stale");

    Result again = cli("approve", Long.toString(run), "--as", "ops-lead");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("is SUCCEEDED, so there is nothing to decide");
  }

  @Test
  void anOperatorCancelIsReportedOnGitHubByTheServer() {
    long run = a.blockedRunOnNewIssue("d-cli-cancel");
    a.pollOnce(run);
    Result r = cli("cancel", Long.toString(run));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(a.status(run)).isEqualTo("CANCELLED");
    Await.until(
        "the server to edit the status comment",
        () -> a.statusComment(run).body().contains("cancelled"));
    assertThat(a.transcript(run)).contains("\"break_glass\" : true").contains("operator");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(cli("approve", "1").exit()).isEqualTo(2);
    assertThat(cli("approve", "1", "--as", "-bad-").exit()).isEqualTo(2);
    assertThat(cli("cancel", "0").exit()).isEqualTo(2);
  }
}
