package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.testing.Payloads;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on the JVM options it ships with ({@code deploy/jvm.options}, a 192 MB heap)
 * receives a burst of GitHub's largest payloads at once: each is answered 202 and stored, none
 * fails with an exhausted heap. Without the intake's budget for bodies in memory, four 20 MB bodies
 * (about three copies of each while stored) do not fit.
 */
class LargeBodiesOnTheShippedHeapTest {
  private static final String SECRET = "large-secret";
  private static final int BODIES = 4;

  @Test
  void aBurstOfTwentyMegabytePayloadsIsStoredWhole(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("large.db");
    Map<String, String> env =
        Map.of(
            "DATABASE_URL", "jdbc:sqlite:" + db,
            "HOST", "127.0.0.1",
            "PORT", "0",
            "GITHUB_TOKEN", "ghp_test",
            "WEBHOOK_SECRET", SECRET,
            "GITHUB_API_URL", "http://127.0.0.1:1", // loopback only, and closed
            "MISSIONS_DIR", dir.resolve("none").toString());
    String options = "@" + Path.of("deploy/jvm.options").toAbsolutePath();
    byte[] body = padded(20 * 1024 * 1024);
    String signature = SignatureVerifier.sign(body, Secret.of(SECRET));
    HttpClient http = HttpClient.newHttpClient();
    int accepted = 0;

    try (ServerProcess server = ServerProcess.start(dir, env, List.of(options))) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/github/webhooks");
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < BODIES; i++) {
        HttpRequest req =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", "large-" + i)
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        answers.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        // 503 only when a body waited longer for room than GitHub would (a slow, loaded machine
        // storing the ones before it): refused whole, nothing stored, never an error mid-way
        assertThat(r.statusCode()).as(r.body() + "\n" + server.output()).isIn(202, 503);
        if (r.statusCode() == 202) {
          accepted++;
        }
      }
      assertThat(accepted).as("the bodies that fit at once are stored").isGreaterThanOrEqualTo(1);
      assertThat(server.output()).doesNotContain("OutOfMemoryError");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM deliveries d JOIN delivery_payloads p ON p.seq = d.seq"
                        + " WHERE LENGTH(p.payload) = "
                        + body.length)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).as("every 202 stored whole, nothing else").isEqualTo(accepted);
    }
  }

  /** GitHub's issues.opened example with a string member that brings it to {@code size} bytes. */
  private static byte[] padded(int size) {
    String json = new String(Payloads.bytes("issues.opened"), StandardCharsets.UTF_8).strip();
    String head = json.substring(0, json.length() - 1) + ", \"padding\": \"";
    String pad = "x".repeat(size - head.length() - 2);
    return (head + pad + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
