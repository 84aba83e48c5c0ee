package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.orchestrator.config.Secret;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.MutableClock;
import dev.orchestrator.webhook.SignatureVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's webhook deliveries: cursor pagination, the status filter, redelivery. */
class DeliveriesTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
  private FakeGitHub github;
  private FakeClient client;

  @BeforeEach
  void start() {
    github = FakeGitHub.builder().clock(clock).start();
    client = new FakeClient(github.apiUrl());
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  private List<Delivery> recordFive() {
    List<Delivery> recorded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int status = i % 2 == 0 ? 202 : 503;
      recorded.add(github.deliveries().record("issue_comment", "created", status, 1L, 77L));
      clock.advance(Duration.ofMinutes(1));
    }
    return recorded;
  }

  @Test
  void listsNewestFirstPageByPageFollowingTheLinkHeader() throws Exception {
    List<Delivery> recorded = recordFive();
    List<Long> seen = new ArrayList<>();
    String next = "/app/hook/deliveries?per_page=2";
    int pages = 0;
    while (next != null) {
      FakeClient.Answer page = client.get(next).bearer(github.appJwt()).send();
      assertThat(page.status()).isEqualTo(200);
      page.json().forEach(d -> seen.add(d.path("id").asLong()));
      next = nextLink(page);
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactly(
            recorded.get(4).id(),
            recorded.get(3).id(),
            recorded.get(2).id(),
            recorded.get(1).id(),
            recorded.get(0).id());
  }

  @Test
  void eachDeliveryCarriesTheFieldsCatchUpNeeds() throws Exception {
    Delivery failed = github.deliveries().record("issues", "opened", 500, 1L, 77L);

    JsonNode d = client.get("/app/hook/deliveries").bearer(github.appJwt()).send().json().get(0);

    assertThat(d.path("id").asLong()).isEqualTo(failed.id());
    assertThat(d.path("guid").asText()).isEqualTo(failed.guid());
    assertThat(d.path("delivered_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(d.path("redelivery").asBoolean()).isFalse();
    assertThat(d.path("status").asText()).isEqualTo("Invalid HTTP Response: 500");
    assertThat(d.path("status_code").asInt()).isEqualTo(500);
    assertThat(d.path("event").asText()).isEqualTo("issues");
    assertThat(d.path("action").asText()).isEqualTo("opened");
    assertThat(d.path("installation_id").asLong()).isEqualTo(1);
    assertThat(d.path("repository_id").asLong()).isEqualTo(77);
  }

  @Test
  void theStatusFilterSplitsSuccessesFromFailures() throws Exception {
    recordFive();

    JsonNode failures =
        client.get("/app/hook/deliveries?status=failure").bearer(github.appJwt()).send().json();
    JsonNode successes =
        client.get("/app/hook/deliveries?status=success").bearer(github.appJwt()).send().json();

    assertThat(failures)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.path("status_code").asInt()).isEqualTo(503));
    assertThat(successes).hasSize(3);
  }

  @Test
  void aRedeliveryIsRecordedAndListedWithTheSameGuid() throws Exception {
    Delivery failed = github.deliveries().record("issues", "opened", 502, 1L, 77L);
    clock.advance(Duration.ofMinutes(5));

    FakeClient.Answer answer =
        client
            .post("/app/hook/deliveries/" + failed.id() + "/attempts")
            .bearer(github.appJwt())
            .send();

    assertThat(answer.status()).isEqualTo(202);
    assertThat(github.deliveries().redeliveryAttempts()).containsExactly(failed.id());
    JsonNode newest =
        client.get("/app/hook/deliveries").bearer(github.appJwt()).send().json().get(0);
    assertThat(newest.path("guid").asText()).isEqualTo(failed.guid());
    assertThat(newest.path("redelivery").asBoolean()).isTrue();
  }

  @Test
  void withAReceiverTheRedeliveryIsSentSignedWithTheSameGuidAndListedWithItsAnswer()
      throws Exception {
    byte[] payload = "{\"action\":\"opened\",\"zen\":\"é\"}".getBytes(StandardCharsets.UTF_8);
    Delivery failed = github.deliveries().record("g-1", "issues", "opened", 0, 1L, 77L, payload);
    List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          Map<String, String> headers = new HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          received.add(headers);
          bodies.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(received.size() == 1 ? 503 : 202, -1);
          exchange.close();
        });
    receiver.start();
    try {
      github.webhookTargetAway(); // sends wait until the receiver is there
      assertThat(
              client
                  .post("/app/hook/deliveries/" + failed.id() + "/attempts")
                  .bearer(github.appJwt())
                  .send()
                  .status())
          .isEqualTo(202);
      assertThat(received).isEmpty();
      github.webhookTarget(
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), "s3cret");
      Await.until("the redelivery to arrive", () -> redeliveries("g-1") == 1);
      client
          .post("/app/hook/deliveries/" + failed.id() + "/attempts")
          .bearer(github.appJwt())
          .send();
      Await.until("the second redelivery to arrive", () -> redeliveries("g-1") == 2);
    } finally {
      receiver.stop(0);
    }

    Map<String, String> h = received.get(0);
    assertThat(bodies.get(0)).isEqualTo(payload);
    assertThat(h)
        .containsEntry("x-github-delivery", "g-1")
        .containsEntry("x-github-event", "issues")
        .containsEntry("x-github-hook-id", Long.toString(WebhookSender.HOOK_ID))
        .containsEntry("x-github-hook-installation-target-type", "integration")
        .containsEntry("x-github-hook-installation-target-id", Long.toString(github.appId()))
        .containsEntry("content-type", "application/json")
        .containsEntry("x-hub-signature-256", SignatureVerifier.sign(payload, Secret.of("s3cret")));
    assertThat(h.get("x-hub-signature")).matches("sha1=[0-9a-f]{40}");
    assertThat(h.get("user-agent")).startsWith("GitHub-Hookshot/");
    List<Delivery> log = github.deliveries().newestFirst();
    assertThat(log.get(0).statusCode()).isEqualTo(202);
    assertThat(log.get(1).statusCode()).isEqualTo(503);
    assertThat(log.get(1).status()).isEqualTo("Invalid HTTP Response: 503");
    assertThat(log.subList(0, 2)).allSatisfy(d -> assertThat(d.redelivery()).isTrue());
  }

  private long redeliveries(String guid) {
    return github.deliveries().newestFirst().stream()
        .filter(d -> d.guid().equals(guid) && d.redelivery())
        .count();
  }

  @Test
  void redeliveringAnUnknownDeliveryIs404() throws Exception {
    FakeClient.Answer answer =
        client.post("/app/hook/deliveries/123/attempts").bearer(github.appJwt()).send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(github.deliveries().redeliveryAttempts()).isEmpty();
  }

  private String nextLink(FakeClient.Answer page) {
    String link = page.header("link");
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    assertThat(m.find()).as("rel=next in %s", link).isTrue();
    assertThat(m.group(1)).startsWith(github.apiUrl());
    return m.group(1).substring(github.apiUrl().length());
  }
}
