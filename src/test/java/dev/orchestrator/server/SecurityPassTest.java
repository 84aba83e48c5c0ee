package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.ServerHarness;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security pass end to end: the real server in App mode against FakeGitHub runs a command that
 * comments and labels, answers a status command, blocks a mission for approval and runs it once
 * approved, refuses a forged delivery and a wrong API token; then every output it produced is
 * searched for the configured secrets and the installation tokens it was given: its logs, every
 * text column of every table, every comment and check run on GitHub, every request body it sent,
 * {@code /api/status} and {@code /metrics}. Also: an oversized request header is refused, not a
 * crash.
 */
class SecurityPassTest {
  private static final String API_TOKEN = "api-token-5f0e6c1d9b8a7";
  private static final String LLM_KEY = "sk-llm-key-3c9d1e7f20ab";

  @TempDir Path dir;

  @Test
  void noSecretReachesAnyOutput() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    // slf4j-simple writes to whatever System.err is at each event; tee it, keeping the original
    System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
    Map<String, String> outputs = new LinkedHashMap<>();
    List<String> secrets = new ArrayList<>();
    try (GitHubScenario s =
        GitHubScenario.start(
            dir, GitHubScenario.env("API_TOKEN", API_TOKEN, "LLM_API_KEY", LLM_KEY))) {
      FakeRepo repo = s.repo("widgets");
      repo.role("tess", "triage").role("mia", "maintain");
      int issue = s.issue(repo, "Crash on start");
      int old =
          repo.add(
                  IssueSeed.issue("An old one")
                      .updatedAt(java.time.Instant.now().minus(Duration.ofDays(60))))
              .number();

      s.comment(repo, issue, "tess", "User", "/agent triage", "d-triage");
      s.comment(repo, issue, "tess", "User", "/agent status", "d-status");
      s.comment(repo, issue, "tess", "User", "/agent stale", "d-stale");
      awaitRun(s, "issue-triage", "SUCCEEDED");
      awaitRun(s, "stale-issues", "BLOCKED");
      s.comment(repo, issue, "mia", "User", "/agent approve 2", "d-approve");
      awaitRun(s, "stale-issues", "SUCCEEDED");
      s.awaitDispatched();
      assertThat(repo.issues().get(issue).labels()).contains("needs-triage");
      assertThat(repo.issues().get(old).labels()).as("approved, then labelled").contains("stale");

      byte[] forged = "{\"zen\":\"x\"}".getBytes(StandardCharsets.UTF_8);
      assertThat(
              s.server
                  .post(
                      forged,
                      Map.of(
                          "Content-Type", "application/json",
                          "X-GitHub-Event", "ping",
                          "X-GitHub-Delivery", "d-forged",
                          "X-Hub-Signature-256", "sha256=" + "0".repeat(64)))
                  .statusCode())
          .isEqualTo(401);
      assertThat(s.server.get("/metrics", bearer(API_TOKEN + "x")).statusCode()).isEqualTo(401);
      HttpResponse<String> status = s.server.get("/api/status", bearer(API_TOKEN));
      HttpResponse<String> metrics = s.server.get("/metrics", bearer(API_TOKEN));
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(metrics.statusCode()).isEqualTo(200);
      outputs.put("/api/status", status.body());
      outputs.put("/metrics", metrics.body());

      assertThat(s.github.tokensMinted()).as("the App minted installation tokens").isPositive();
      secrets.addAll(s.github.installationTokenValues());
      secrets.add(ServerHarness.SECRET);
      secrets.add(API_TOKEN);
      secrets.add(LLM_KEY);
      secrets.addAll(pemBody(s.github.keys().pkcs1Pem()));

      StringBuilder comments = new StringBuilder();
      for (Comment c : repo.comments().all()) {
        comments.append(c.body()).append('\n');
      }
      outputs.put("comments", comments.toString());
      outputs.put("check runs", repo.checkRuns().all().toString());
      StringBuilder sent = new StringBuilder();
      for (RecordedRequest r : s.github.requests()) {
        sent.append(r.method()).append(' ').append(r.path()).append('?').append(r.query());
        sent.append('\n').append(r.body()).append('\n');
      }
      outputs.put("requests to GitHub", sent.toString());
      outputs.put("database", dump(s.server.database));
      s.github.assertNoUnknownRoutes();
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    outputs.put("logs", captured.toString(StandardCharsets.UTF_8));

    assertThat(outputs.get("logs"))
        .as("the capture saw the server's log")
        .contains("delivery=d-approve")
        .contains("run=2");
    assertThat(outputs.get("database")).contains("needs-triage").contains("transcripts: 2 ");
    assertThat(outputs.get("comments")).contains("<!-- agent-run:");
    for (Map.Entry<String, String> o : outputs.entrySet()) {
      for (String secret : secrets) {
        assertThat(o.getValue())
            .as("%s must not contain a secret (%s…)", o.getKey(), secret.substring(0, 4))
            .doesNotContain(secret);
      }
    }
  }

  @Test
  void anOversizedHeaderIsRefusedAndTheServerGoesOn() throws Exception {
    try (ServerHarness h = ServerHarness.start(dir, Map.of())) {
      String huge = "x".repeat(64 * 1024);
      String answer =
          rawRequest(
              h.server().port(),
              "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "X-Padding: "
                  + huge
                  + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).matches("HTTP/1\\.1 (431|400) .*");
      StringBuilder many = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (int i = 0; i < 2_000; i++) {
        many.append("X-H").append(i).append(": ").append("y".repeat(20)).append("\r\n");
      }
      many.append("Connection: close\r\n\r\n");
      assertThat(rawRequest(h.server().port(), many.toString())).matches("HTTP/1\\.1 (431|400) .*");
      assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  private static void awaitRun(GitHubScenario s, String mission, String status) {
    Await.until(
        mission + " to be " + status,
        Duration.ofSeconds(60),
        () ->
            count(
                    s.server.database,
                    "SELECT COUNT(*) FROM runs WHERE mission = '"
                        + mission
                        + "' AND status = '"
                        + status
                        + "'")
                == 1);
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** The key's base64 lines, each long enough to be unmistakable, and the body as one string. */
  private static List<String> pemBody(String pem) {
    List<String> parts = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (String line : pem.split("\n")) {
      if (!line.startsWith("-----") && !line.isBlank()) {
        body.append(line.strip());
        if (line.strip().length() >= 32) {
          parts.add(line.strip());
        }
      }
    }
    parts.add(body.toString());
    assertThat(parts).hasSizeGreaterThan(10);
    return parts;
  }

  /** Every row of every table, every column read as text. */
  private static String dump(Path database) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("runs", "transcripts", "deliveries", "delivery_payloads");
      for (String t : tables) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            out.append(t).append(':');
            for (int i = 1; i <= columns; i++) {
              out.append(' ').append(rs.getString(i));
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static long count(Path database, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Sends bytes as they are and returns the status line of the answer. */
  private static String rawRequest(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        line.append((char) b);
      }
      return line.toString().strip();
    }
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }
}
