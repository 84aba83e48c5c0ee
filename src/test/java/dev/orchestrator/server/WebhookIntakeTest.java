package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.AppFactory;
import dev.orchestrator.ServerRuntime;
import dev.orchestrator.config.Secret;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ServerHarness;
import dev.orchestrator.webhook.SignatureVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The intake through real HTTP, PRODUCT.md "What happens to a webhook", point 1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIntakeTest {
  private Path dir;
  private ServerHarness harness;

  @BeforeAll
  void start(@TempDir Path tmp) {
    dir = tmp;
    harness = ServerHarness.start(dir, Map.of("WEBHOOK_SECRET_PREVIOUS", "old-secret"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private int rows(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + harness.database);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSignedDeliveryIsStoredAndDispatched() {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> r =
        harness.deliver("issue_comment", Payloads.bytes("issue_comment.created"), id);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).contains(id).contains("issue_comment.created");
    assertThat(rows("SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + id + "'")).isOne();
    Await.until(
        "the delivery to be dispatched",
        () ->
            rows(
                    "SELECT COUNT(*) FROM deliveries WHERE delivery_id = '"
                        + id
                        + "' AND dispatched_at IS NOT NULL AND outcome = 'ignored'")
                == 1);
  }

  @Test
  void aRedeliveredIdIsAcknowledgedAndStoredOnce() {
    String id = UUID.randomUUID().toString();
    byte[] body = Payloads.bytes("issues.opened");
    assertThat(harness.deliver("issues", body, id).statusCode()).isEqualTo(202);
    HttpResponse<String> again = harness.deliver("issues", body, id);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).contains("received before");
    assertThat(rows("SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + id + "'")).isOne();
  }

  @Test
  void badAndMissingSignaturesAre401() {
    byte[] body = Payloads.bytes("issues.opened");
    Map<String, String> base =
        Map.of(
            "Content-Type",
            "application/json",
            "X-GitHub-Event",
            "issues",
            "X-GitHub-Delivery",
            "x1");
    HttpResponse<String> missing = harness.post(body, base);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("missing X-Hub-Signature-256");
    HttpResponse<String> wrong =
        harness.post(body, with(base, SignatureVerifier.sign(body, Secret.of("wrong"))));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("does not match");
    HttpResponse<String> malformed = harness.post(body, with(base, "sha1=abc"));
    assertThat(malformed.statusCode()).isEqualTo(401);
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[10] ^= 1;
    assertThat(
            harness
                .post(
                    tampered,
                    with(base, SignatureVerifier.sign(body, Secret.of(ServerHarness.SECRET))))
                .statusCode())
        .isEqualTo(401);
    assertThat(rows("SELECT COUNT(*) FROM deliveries WHERE delivery_id = 'x1'")).isZero();
  }

  @Test
  void thePreviousSecretIsAcceptedDuringRotation() {
    byte[] body = Payloads.bytes("ping");
    HttpResponse<String> r =
        harness.post(
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "X-GitHub-Event",
                "ping",
                "X-GitHub-Delivery",
                UUID.randomUUID().toString(),
                "X-Hub-Signature-256",
                SignatureVerifier.sign(body, Secret.of("old-secret"))));
    assertThat(r.statusCode()).isEqualTo(202);
  }

  @Test
  void malformedJsonIs400() {
    HttpResponse<String> r =
        harness.deliver("issues", "{\"action\": ".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("not valid JSON");
    assertThat(harness.deliver("issues", "[1,2]".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aFormEncodedBodyIs400SayingWhatToConfigure() {
    byte[] body = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r =
        harness.post(
            body,
            Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-GitHub-Event",
                "issues",
                "X-GitHub-Delivery",
                UUID.randomUUID().toString(),
                "X-Hub-Signature-256",
                SignatureVerifier.sign(body, Secret.of(ServerHarness.SECRET))));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("application/json");
  }

  @Test
  void thirtyMegabytesIs413AndTheClientReceivesIt() {
    byte[] body = new byte[30 * 1024 * 1024];
    Arrays.fill(body, (byte) ' ');
    HttpResponse<String> r = harness.deliver("issues", body);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("25 MB");
  }

  @Test
  void twentyMegabytesOfValidJsonIsAccepted() {
    String pad = "x".repeat(20 * 1024 * 1024);
    String json = new String(Payloads.bytes("issues.opened"), StandardCharsets.UTF_8).strip();
    json = json.substring(0, json.length() - 1) + ", \"padding\": \"" + pad + "\"}";
    String id = UUID.randomUUID().toString();
    HttpResponse<String> r = harness.deliver("issues", json.getBytes(StandardCharsets.UTF_8), id);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(
            rows(
                "SELECT LENGTH(p.payload) > 20000000 FROM deliveries d"
                    + " JOIN delivery_payloads p ON p.seq = d.seq WHERE d.delivery_id = '"
                    + id
                    + "'"))
        .isOne();
  }

  @Test
  void aPayloadWithoutInstallationOrRepositoryIsAccepted() {
    byte[] body =
        "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(harness.deliver("ping", body).statusCode()).isEqualTo(202);
  }

  @Test
  void everyExamplePayloadGitHubPublishesIsAccepted(@TempDir Path other) throws Exception {
    // a server of its own: with GitHub unreachable here, the events of the examples' repositories
    // wait for their .github/agent.yml, and the deliveries behind them in those repositories with
    // them, which would hold up the other tests' deliveries to the same repositories
    try (ServerHarness own = ServerHarness.start(other, Map.of())) {
      for (Path fixture : Payloads.all()) {
        HttpResponse<String> r =
            own.deliver(Payloads.eventOf(fixture), Files.readAllBytes(fixture));
        assertThat(r.statusCode()).as(fixture.getFileName().toString()).isEqualTo(202);
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + own.database);
          ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM deliveries")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(Payloads.all().size());
      }
    }
  }

  @Test
  void healthAndReadiness() {
    assertThat(harness.get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = harness.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"ready\"");
  }

  @Test
  void setupModeAnswers401AndCredentialsWithoutASecretRefuseToStart(@TempDir Path other) {
    try (ServerHarness setup =
        ServerHarness.start(other, Map.of("GITHUB_TOKEN", "", "WEBHOOK_SECRET", ""))) {
      HttpResponse<String> r = setup.deliver("ping", Payloads.bytes("ping"));
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("setup mode");
    }
    Map<String, String> env =
        Map.of(
            "GITHUB_TOKEN", "ghp_x",
            "DATABASE_URL", "jdbc:sqlite:" + other.resolve("b.db"),
            "PORT", "0",
            "HOST", "127.0.0.1");
    assertThatThrownBy(
            () ->
                ServerRuntime.start(
                    new AppFactory(env, Clock.systemUTC(), other.resolve(".env")).open()))
        .hasMessageContaining("WEBHOOK_SECRET is not")
        .hasMessageContaining("set WEBHOOK_SECRET");
  }

  @Test
  void aSecondServerOnTheSameDatabaseIsRefused() {
    Map<String, String> env =
        Map.of(
            "GITHUB_TOKEN", "ghp_x",
            "WEBHOOK_SECRET", "s",
            "DATABASE_URL", "jdbc:sqlite:" + harness.database,
            "PORT", "0",
            "HOST", "127.0.0.1");
    assertThatThrownBy(
            () ->
                ServerRuntime.start(
                    new AppFactory(env, Clock.systemUTC(), dir.resolve(".env")).open()))
        .hasMessageContaining("another `agent serve` is using");
  }

  private static Map<String, String> with(Map<String, String> base, String signature) {
    Map<String, String> m = new java.util.HashMap<>(base);
    m.put("X-Hub-Signature-256", signature);
    return m;
  }
}
