package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.Await;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database refusing writes, end to end. Tests run as root in CI, where file permissions do not
 * hold, so "read-only" is made the way that works for any user: another connection takes SQLite's
 * write lock ({@code BEGIN IMMEDIATE}) and keeps it, and every write of the server fails once its
 * busy timeout is over, exactly as on a read-only file or a full disk; reads go on (WAL). While it
 * lasts, readiness fails naming the database, the intake answers 5xx (never a 2xx for what it did
 * not store), and a delivery it acknowledged before is not lost; once the lock is gone, everything
 * recovers without a restart. The server's busy timeout is a second here ({@code
 * DATABASE_BUSY_TIMEOUT}; 10 s by default): writers queue behind one another, and each waits it
 * out.
 */
class UnwritableDatabaseEndToEndTest {
  @TempDir Path dir;
  private TriageScene t;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    t = new TriageScene(dir, Map.of("DATABASE_BUSY_TIMEOUT", "1s"));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** Holds SQLite's write lock on the server's database until closed. */
  private final class WriteLock {
    private final Connection c;

    WriteLock() throws SQLException {
      c = DriverManager.getConnection("jdbc:sqlite:" + t.s.server.database);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("BEGIN IMMEDIATE");
      }
    }

    void close() throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("ROLLBACK");
      }
      c.close();
    }
  }

  private HttpResponse<String> readyz() {
    try {
      return http.send(
          HttpRequest.newBuilder(t.s.server.uri("/readyz")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("asking /readyz", e);
    }
  }

  private int stored(String deliveryId) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.s.server.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + deliveryId + "'")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new AssertionError("reading the deliveries", e);
    }
  }

  @Test
  void whileWritesFailTheServerIsNotReadyRefusesDeliveriesAndLosesNoneItAcknowledged()
      throws SQLException {
    // acknowledged just before the fault: the dispatcher is still reading the repository's
    // agent.yml (a slow GitHub) when the database stops taking writes
    FakeRepo gadgets = t.s.repo("gadgets");
    gadgets.file(".github/agent.yml", "triggers: [issue-triage]\n");
    FaultRule slowConfig =
        t.s
            .github
            .faults()
            .on("GET", "/repos/octo/gadgets/contents/**")
            .once(Fault.slow(Duration.ofSeconds(2)));
    int acknowledged = gadgets.add(IssueSeed.issue("Hangs")).number();
    assertThat(
            t.s
                .deliver("issues", t.s.issueOpened(gadgets, acknowledged, "alice"), "d-ack")
                .statusCode())
        .isBetween(200, 299);
    Await.until("the dispatcher to be reading agent.yml", () -> slowConfig.hits() == 1);

    int refused;
    WriteLock lock = new WriteLock();
    try {
      HttpResponse<String> ready = readyz();
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("the database is not writable");

      refused = t.s.issue(t.repo, "Crash on start");
      HttpResponse<String> answer =
          t.s.deliver("issues", t.s.issueOpened(t.repo, refused, "bob"), "d-refused");
      assertThat(answer.statusCode())
          .as("the intake's answer while writes fail")
          .isBetween(500, 599);
      assertThat(stored("d-refused")).isZero();
      assertThat(t.s.github.comments("octo", "widgets", refused)).isEmpty();
    } finally {
      lock.close();
    }

    Await.until("the server to be ready again", () -> readyz().statusCode() == 200);
    // GitHub's redelivery of the refused one (the catch-up asks for it; the same delivery id)
    assertThat(
            t.s
                .deliver("issues", t.s.issueOpened(t.repo, refused, "bob"), "d-refused")
                .statusCode())
        .isBetween(200, 299);

    t.awaitStatus(refused, "SUCCEEDED");
    t.assertTriagedOnce(refused);
    Await.until(
        "the acknowledged delivery's run to succeed",
        Duration.ofSeconds(30),
        () -> t.s.github.comments("octo", "gadgets", acknowledged).size() == 1);
    t.assertDeliveriesDispatchedOnce(2);
  }
}
