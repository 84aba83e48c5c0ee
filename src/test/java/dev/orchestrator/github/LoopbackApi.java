package dev.orchestrator.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A small GitHub stand-in on 127.0.0.1:0 for this package's tests: routes by method and path
 * pattern, a request log, App-token minting that verifies the JWT, and answers that never come (to
 * exercise timeouts). Unknown routes answer 404 and are listed by {@link #unknown()}.
 */
final class LoopbackApi implements AutoCloseable {
  /** One request as received, and the test clock's time then. */
  record Received(
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String body,
      Instant at) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An answer; {@code hang} holds the request until the server closes. */
  record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    static Reply json(int status, String body, Map<String, String> headers) {
      Map<String, String> h = new TreeMap<>(headers);
      h.put("Content-Type", "application/json");
      return new Reply(status, h, body, false);
    }

    static Reply hanging() {
      return new Reply(0, Map.of(), "", true);
    }
  }

  private record Route(String method, Pattern path, Function<Received, Reply> handler) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Received> log = new CopyOnWriteArrayList<>();
  private final List<String> unknown = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicInteger mints = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Clock clock;
  private volatile Duration tokenLifetime = Duration.ofHours(1);
  private volatile CountDownLatch holdMints = new CountDownLatch(0);

  LoopbackApi(Clock clock, PublicKey appKey, long appId) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    route("POST", "/app/installations/(\\d+)/access_tokens", r -> mint(r, appKey, appId));
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a route; later routes win over earlier ones for the same request. */
  LoopbackApi route(String method, String pathRegex, Function<Received, Reply> handler) {
    routes.add(0, new Route(method, Pattern.compile(pathRegex), handler));
    return this;
  }

  List<Received> log() {
    return List.copyOf(log);
  }

  List<Received> requests(String method, String path) {
    List<Received> found = new ArrayList<>();
    for (Received r : log) {
      if (r.method().equals(method) && r.path().equals(path)) {
        found.add(r);
      }
    }
    return found;
  }

  List<String> unknown() {
    return List.copyOf(unknown);
  }

  int mints() {
    return mints.get();
  }

  /** The most requests the server was answering at once. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  void tokenLifetime(Duration lifetime) {
    tokenLifetime = lifetime;
  }

  /** Mints wait for {@code latch} (up to 5 s) before answering. */
  void holdMintsUntil(CountDownLatch latch) {
    holdMints = latch;
  }

  private Reply mint(Received r, PublicKey appKey, long appId) {
    String auth = r.header("Authorization");
    Claims claims;
    try {
      claims =
          Jwts.parser()
              .verifyWith(appKey)
              .clock(() -> Date.from(clock.instant()))
              .build()
              .parseSignedClaims(auth.substring("Bearer ".length()))
              .getPayload();
    } catch (RuntimeException e) {
      return Reply.json(401, "{\"message\":\"A JSON web token could not be decoded\"}");
    }
    if (!claims.getIssuer().equals(Long.toString(appId))) {
      return Reply.json(401, "{\"message\":\"Integration not found\"}");
    }
    try {
      holdMints.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int n = mints.incrementAndGet();
    String installation = r.path().split("/")[3];
    return Reply.json(
        201,
        "{\"token\":\"ghs_"
            + installation
            + "_"
            + n
            + "\",\"expires_at\":\""
            + clock.instant().plus(tokenLifetime)
            + "\"}");
  }

  private void handle(HttpExchange ex) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    ex.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received r =
        new Received(
            ex.getRequestMethod(),
            ex.getRequestURI().getRawPath(),
            ex.getRequestURI().getRawQuery(),
            headers,
            body,
            clock.instant());
    log.add(r);
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    Reply reply;
    try {
      reply = reply(r);
    } finally {
      // before answering: the client may send its next request as soon as it has the answer
      inFlight.decrementAndGet();
    }
    answer(ex, reply);
  }

  private Reply reply(Received r) {
    Reply reply = null;
    for (Route route : routes) {
      if (route.method().equals(r.method()) && route.path().matcher(r.path()).matches()) {
        reply = route.handler().apply(r);
        break;
      }
    }
    if (reply == null) {
      unknown.add(r.method() + " " + r.path());
      reply = Reply.json(404, "{\"message\":\"Not Found\"}");
    }
    return reply;
  }

  private void answer(HttpExchange ex, Reply reply) throws IOException {
    if (reply.hang()) {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(
        reply.status(), reply.status() == 304 || bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && reply.status() != 304) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
