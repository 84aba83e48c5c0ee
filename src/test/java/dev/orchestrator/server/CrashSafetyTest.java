package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ServerProcess;
import dev.orchestrator.webhook.SignatureVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process, killed with SIGKILL in the middle of a burst: every delivery that got a
 * 2xx is stored, and after a restart each is dispatched exactly once.
 */
class CrashSafetyTest {
  private static final String SECRET = "crash-secret";
  private static final int BURST = 400;
  private static final int KILL_AFTER = 120;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedDeliverySurvivesKillMinus9AndIsDispatchedOnce() throws Exception {
    Path db = dir.resolve("crash.db");
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "jdbc:sqlite:" + db);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("GITHUB_TOKEN", "ghp_test");
    env.put("WEBHOOK_SECRET", SECRET);
    env.put("GITHUB_API_URL", "http://127.0.0.1:1"); // loopback only, and closed
    env.put("MISSIONS_DIR", dir.resolve("none").toString());

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    byte[] body = Payloads.bytes("issue_comment.created");
    String signature = SignatureVerifier.sign(body, Secret.of(SECRET));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    try (ServerProcess first = ServerProcess.start(dir, env)) {
      URI uri = URI.create("http://127.0.0.1:" + first.port() + "/api/github/webhooks");
      AtomicInteger sent = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        String id = "crash-" + i;
        futures.add(
            pool.submit(
                () -> {
                  HttpRequest req =
                      HttpRequest.newBuilder(uri)
                          .timeout(Duration.ofSeconds(5))
                          .header("Content-Type", "application/json")
                          .header("X-GitHub-Event", "issue_comment")
                          .header("X-GitHub-Delivery", id)
                          .header("X-Hub-Signature-256", signature)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build();
                  try {
                    HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() / 100 == 2) {
                      acknowledged.add(id);
                    }
                  } catch (Exception e) {
                    failures.add(id); // the server died under it: not acknowledged
                  }
                  sent.incrementAndGet();
                  return null;
                }));
      }
      Await.until(
          "some deliveries to be acknowledged",
          Duration.ofSeconds(60),
          () -> acknowledged.size() >= KILL_AFTER);
      first.kill9();
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(acknowledged.size()).as("the kill landed mid-burst").isLessThan(BURST);

    try (ServerProcess second = ServerProcess.start(dir, env)) {
      Await.until(
          "every stored delivery to be dispatched",
          Duration.ofSeconds(30),
          () -> count(db, "SELECT COUNT(*) FROM deliveries WHERE dispatched_at IS NULL") == 0);
      for (String id : acknowledged) {
        assertThat(count(db, "SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + id + "'"))
            .as(id)
            .isOne();
      }
      assertThat(count(db, "SELECT COUNT(*) FROM deliveries WHERE dispatch_count <> 1"))
          .as("deliveries dispatched other than exactly once")
          .isZero();
      assertThat(second.terminate(Duration.ofSeconds(20))).isIn(0, 143);
    }
  }

  private static int count(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
