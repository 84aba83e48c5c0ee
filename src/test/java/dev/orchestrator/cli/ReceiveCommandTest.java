package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.AppFactory;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ServerHarness;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code agent receive} against the real server started in the test. */
class ReceiveCommandTest {
  @TempDir Path dir;
  private Path payload;
  private ServerHarness harness;

  @BeforeEach
  void payload() throws IOException {
    payload = dir.resolve("issue_comment.json");
    Files.write(payload, Payloads.bytes("issue_comment.created"));
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private Map<String, String> env() {
    return env(harness);
  }

  /** What `agent receive` needs to reach {@code server}. */
  private static Map<String, String> env(ServerHarness server) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "jdbc:sqlite:" + server.database);
    env.put("WEBHOOK_SECRET", ServerHarness.SECRET);
    env.put("PORT", Integer.toString(server.server().port()));
    return env;
  }

  private static CliRun receive(Map<String, String> env, Path dotEnvDir, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "receive";
    System.arraycopy(args, 0, all, 1, args.length);
    // A real clock: --wait waits for the server's dispatcher in real time.
    CommandLine cl =
        AgentCommand.commandLine(new AppFactory(env, Clock.systemUTC(), dotEnvDir.resolve(".env")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new CliRun(cl.execute(all), out.toString(), err.toString());
  }

  @Test
  void waitPrintsWhyTheDeliveryWasIgnored() {
    harness = ServerHarness.start(dir.resolve("server"), Map.of());
    CliRun r =
        receive(
            env(),
            dir,
            "--event",
            "issue_comment",
            "--payload",
            payload.toString(),
            "--delivery-id",
            "d-ignored",
            "--wait");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "delivery d-ignored\n"
                + "HTTP 202: accepted delivery d-ignored (issue_comment.created)\n"
                + "ignored: no /agent command in the comment\n");
  }

  @Test
  void waitPrintsTheRunACommandStarted() throws IOException {
    // the real dispatch: App mode against FakeGitHub, a triage user's /agent triage
    try (GitHubScenario s =
        GitHubScenario.start(Files.createDirectories(dir.resolve("app")), Map.of())) {
      FakeRepo repo = s.repo("widgets");
      repo.role("tess", "triage");
      int issue = s.issue(repo, "Crash on start");
      Comment c = repo.comment(issue, "tess", "/agent triage");
      Path body = dir.resolve("command.json");
      Files.writeString(
          body,
          s.commentPayload(repo, issue, c.id(), "tess", "User", "/agent triage", "created")
              .toString());
      CliRun r =
          receive(
              env(s.server),
              dir,
              "--event",
              "issue_comment",
              "--payload",
              body.toString(),
              "--wait");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out())
          .matches(
              "(?s)delivery [0-9a-f-]{36}\n"
                  + "HTTP 202: accepted delivery [0-9a-f-]{36} \\(issue_comment.created\\)\n"
                  + "commands: 1 command\\(s\\), 1 run\\(s\\) queued, 0 not understood\n"
                  + "started run 1 \\(issue-triage, [A-Z]+\\)\n");
    }
  }

  @Test
  void withoutWaitItPrintsTheAnswerAndTheDeliveryId() {
    harness = ServerHarness.start(dir.resolve("server"), Map.of());
    CliRun r =
        receive(
            env(),
            dir,
            "--event",
            "issue_comment",
            "--payload",
            payload.toString(),
            "--delivery-id",
            "d-1",
            "--url",
            harness.uri("/api/github/webhooks").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo("delivery d-1\nHTTP 202: accepted delivery d-1 (issue_comment.created)\n");
  }

  @Test
  void aWrongSecretIsThe401AndExit1() {
    harness = ServerHarness.start(dir.resolve("server"), Map.of());
    Map<String, String> env = env();
    env.put("WEBHOOK_SECRET", "not-the-secret");
    CliRun r = receive(env, dir, "--event", "ping", "--payload", payload.toString(), "--wait");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("HTTP 401: X-Hub-Signature-256 does not match the body")
        .doesNotContain("ignored");
  }

  @Test
  void waitingOnAnotherDatabaseTimesOutSayingSo() {
    harness = ServerHarness.start(dir.resolve("server"), Map.of());
    ServerHarness other = ServerHarness.start(dir.resolve("other"), Map.of());
    other.close(); // leaves its (empty) database behind
    Map<String, String> env = env();
    env.put("DATABASE_URL", "jdbc:sqlite:" + other.database);
    CliRun r =
        receive(
            env,
            dir,
            "--event",
            "ping",
            "--payload",
            payload.toString(),
            "--wait",
            "--timeout",
            "300ms");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("HTTP 202");
    assertThat(r.err()).contains("is not in").contains("is DATABASE_URL the server's database?");
  }

  @Test
  void noServerNoWebhookSecretAndBadUsage() throws IOException {
    // a privileged port nothing listens on: a port found free and closed again could be taken by
    // another test JVM before the command connects
    int closedPort = 1;
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("none.db"));
    env.put("WEBHOOK_SECRET", "s");
    env.put("PORT", Integer.toString(closedPort));
    CliRun down = receive(env, dir, "--event", "ping", "--payload", payload.toString());
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err()).contains("cannot connect; is `agent serve` running there?");

    env.remove("WEBHOOK_SECRET");
    CliRun noSecret = receive(env, dir, "--event", "ping", "--payload", payload.toString());
    assertThat(noSecret.exitCode()).isEqualTo(1);
    assertThat(noSecret.err()).contains("WEBHOOK_SECRET is not set");

    assertThat(receive(env, dir, "--event", "ping").exitCode()).isEqualTo(2);
    assertThat(receive(env, dir, "--payload", payload.toString()).exitCode()).isEqualTo(2);
    CliRun missing = receive(env, dir, "--event", "ping", "--payload", "/no/such.json");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--payload: no such file \"/no/such.json\"");
    CliRun timeout =
        receive(env, dir, "--event", "ping", "--payload", payload.toString(), "--timeout", "soon");
    assertThat(timeout.exitCode()).isEqualTo(2);
    CliRun url =
        receive(env, dir, "--event", "ping", "--payload", payload.toString(), "--url", "ftp://x");
    assertThat(url.exitCode()).isEqualTo(2);
    CliRun spaced = receive(env, dir, "--event", "bad event", "--payload", payload.toString());
    assertThat(spaced.exitCode()).isEqualTo(2);
  }
}
