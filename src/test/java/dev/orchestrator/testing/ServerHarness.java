package dev.orchestrator.testing;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.Intervals;
import dev.orchestrator.ServerRuntime;
import dev.orchestrator.config.Secret;
import dev.orchestrator.webhook.DeliveryHandler;
import dev.orchestrator.webhook.SignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The real server on 127.0.0.1:0 over a temp database, and a client that signs deliveries. */
public final class ServerHarness implements AutoCloseable {
  public static final String SECRET = "test-webhook-secret";

  /**
   * The server's ticks and GitHub's write spacing, shortened: a test waits for what a tick does,
   * not for the tick (production's are {@link Intervals#DEFAULTS}). The writes to GitHub stay
   * paced, only closer together.
   */
  public static final Intervals INTERVALS =
      new Intervals(
          Duration.ofMillis(100),
          Duration.ofMillis(200),
          Duration.ofMillis(100),
          Duration.ofMillis(20));

  private final ServerRuntime server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  public final Path database;

  private ServerHarness(ServerRuntime server, Path database) {
    this.server = server;
    this.database = database;
  }

  /** A server in token mode with {@link #SECRET}, plus {@code extra} variables. */
  public static ServerHarness start(Path dir, Map<String, String> extra) {
    return start(dir, extra, Clock.systemUTC(), app -> null);
  }

  /**
   * The same, on {@code clock}, with the handler {@code handler} builds from the server's
   * application (e.g. one that starts runs in its store) in place of the real dispatch ({@code
   * null}: the real one).
   */
  public static ServerHarness start(
      Path dir, Map<String, String> extra, Clock clock, Function<App, DeliveryHandler> handler) {
    Map<String, String> env = new HashMap<>();
    Path db = dir.resolve("agent.db");
    env.put("DATABASE_URL", "jdbc:sqlite:" + db);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("GITHUB_TOKEN", "ghp_test");
    env.put("WEBHOOK_SECRET", SECRET);
    // Never GitHub itself: a closed loopback port unless a test points it at a FakeGitHub.
    env.put("GITHUB_API_URL", "http://127.0.0.1:1");
    env.put("MISSIONS_DIR", dir.resolve("no-missions").toString());
    env.putAll(extra);
    env.values().removeIf(v -> v == null || v.isEmpty());
    AppFactory factory = new AppFactory(env, clock, dir.resolve(".env"), INTERVALS);
    App app = factory.open();
    return new ServerHarness(ServerRuntime.start(app, handler.apply(app)), db);
  }

  public ServerRuntime server() {
    return server;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** Signs {@code body} with {@link #SECRET} and posts it as event {@code event}. */
  public HttpResponse<String> deliver(String event, byte[] body) {
    return deliver(event, body, UUID.randomUUID().toString());
  }

  public HttpResponse<String> deliver(String event, byte[] body, String deliveryId) {
    return post(
        body,
        Map.of(
            "Content-Type",
            "application/json",
            "X-GitHub-Event",
            event,
            "X-GitHub-Delivery",
            deliveryId,
            "X-Hub-Signature-256",
            SignatureVerifier.sign(body, Secret.of(SECRET))));
  }

  /** Posts raw bytes with exactly these headers. */
  public HttpResponse<String> post(byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri("/api/github/webhooks"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b.build());
  }

  public HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  /** A GET with these headers, e.g. {@code Authorization}. */
  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    headers.forEach(b::header);
    return send(b.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("sending " + request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
