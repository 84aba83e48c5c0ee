package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.WebhookSender;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.ServerHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up end to end: the real server in App mode, FakeGitHub's delivery log, and redeliveries
 * that the fake really sends to the server's webhook route, signed, with the same guid.
 */
class CatchUpEndToEndTest {
  @TempDir Path dir;
  private GitHubScenario s;
  private FakeRepo repo;
  private int issue;

  @BeforeEach
  void start() {
    s = GitHubScenario.start(dir, Map.of());
    repo = s.repo("widgets");
    repo.role("rita", "read");
    issue = s.issue(repo, "Crash on start");
  }

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  /** A {@code /agent help} comment in the fake and its signed-ready payload. */
  private byte[] helpComment(String body) {
    Comment c = repo.comment(issue, "rita", body);
    ObjectNode p = s.commentPayload(repo, issue, c.id(), "rita", "User", body, "created");
    return p.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Delivery logged(String guid, int status, byte[] payload) {
    return s.github
        .deliveries()
        .record(guid, "issue_comment", "created", status, 1L, repo.id(), payload);
  }

  private List<Comment> repliesTo(String guid) {
    return repo.comments().on(issue).stream()
        .filter(c -> c.body().contains("<!-- agent-reply:" + guid + ":"))
        .toList();
  }

  private Optional<Instant> scannedAt(ServerHarness server) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.database);
        ResultSet rs = c.createStatement().executeQuery("SELECT scanned_at FROM catchup_mark")) {
      return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
    }
  }

  private int rows(ServerHarness server, String guid) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + guid + "'")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void awaitScanAfter(ServerHarness server, Instant started) {
    Await.until(
        "a completed catch-up scan",
        () -> {
          try {
            return scannedAt(server).map(t -> !t.isBefore(started)).orElse(false);
          } catch (Exception e) {
            return false; // the table is being created by the server's migrations
          }
        });
  }

  @Test
  void aDeliveryThatNeverReachedUsIsRedeliveredAtStartUpStoredAndDispatchedOnce() throws Exception {
    Await.until(
        "the start-up scan of the empty log",
        () -> !s.github.requests("GET", "/app/hook/deliveries").isEmpty());

    // stored: GitHub gave up waiting (it lists a 504), but the intake had committed it
    byte[] stored = helpComment("/agent help");
    s.deliver("issue_comment", (ObjectNode) json(stored), "g-stored");
    logged("g-stored", 504, stored);
    // taken: delivered and acknowledged
    byte[] taken = helpComment("/agent help");
    s.deliver("issue_comment", (ObjectNode) json(taken), "g-taken");
    logged("g-taken", 202, taken);
    s.awaitDispatched();
    // missed: sent while the server was down, never stored
    Delivery missed = logged("g-missed", 0, helpComment("/agent help"));

    Instant restart = Instant.now();
    ServerHarness second = s.restartServer();
    awaitScanAfter(second, restart);
    Await.until(
        "the redelivered delivery to be dispatched",
        () -> second.server().deliveries().find("g-missed").flatMap(d -> d.outcome()).isPresent());

    assertThat(s.github.deliveries().redeliveryAttempts()).containsExactly(missed.id());
    assertThat(rows(second, "g-missed")).isEqualTo(1);
    DeliveryStore.StoredDelivery d = second.server().deliveries().find("g-missed").orElseThrow();
    assertThat(d.delivery().hookId()).contains(Long.toString(WebhookSender.HOOK_ID));
    assertThat(d.delivery().event()).isEqualTo("issue_comment");
    Await.until("the reply to the recovered command", () -> repliesTo("g-missed").size() == 1);
    assertThat(repliesTo("g-stored")).hasSize(1);
    assertThat(repliesTo("g-taken")).hasSize(1);
    // GitHub lists the redelivery with what our server answered
    Await.until(
        "the redelivery in GitHub's log",
        () ->
            s.github.deliveries().newestFirst().stream()
                .anyMatch(x -> x.guid().equals("g-missed") && x.redelivery()));
    Delivery redelivery =
        s.github.deliveries().newestFirst().stream()
            .filter(x -> x.guid().equals("g-missed") && x.redelivery())
            .findFirst()
            .orElseThrow();
    assertThat(redelivery.statusCode()).isEqualTo(202);
    assertThat(metric(second)).isEqualTo(1.0);

    // a later scan starts from the mark: it lists only the redelivery, and asks for nothing
    int listings = s.github.requests("GET", "/app/hook/deliveries").size();
    Instant again = Instant.now();
    ServerHarness third = s.restartServer();
    awaitScanAfter(third, again);

    assertThat(s.github.requests("GET", "/app/hook/deliveries")).hasSize(listings + 1);
    assertThat(s.github.deliveries().redeliveryAttempts()).containsExactly(missed.id());
    assertThat(rows(third, "g-missed")).isEqualTo(1);
    assertThat(repliesTo("g-missed")).hasSize(1);
  }

  private static double metric(ServerHarness server) {
    String text = server.server().metrics().scrape();
    return text.lines()
        .filter(l -> l.startsWith("agent_webhook_deliveries_recovered_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(byte[] bytes) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
