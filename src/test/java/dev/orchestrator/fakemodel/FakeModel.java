package dev.orchestrator.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible server on {@code 127.0.0.1:0}: {@code POST /v1/chat/completions} answers the
 * next scripted {@link Reply}. Like the real API it refuses (400) a request without {@code model}
 * or {@code messages}, or whose {@code role: "tool"} messages do not answer the tool calls of the
 * assistant message before them. Every request is recorded; anything unexpected (another route, a
 * request beyond the script, a protocol violation) is recorded as a surprise for the test to fail
 * on.
 */
public final class FakeModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private final List<String> surprises = new ArrayList<>();
  private Gate gate;

  private FakeModel(HttpServer server) {
    this.server = server;
  }

  /** Starts a fake on a free loopback port. */
  public static FakeModel start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeModel fake = new FakeModel(server);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to configure as {@code LLM_BASE_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Queues answers, in order. */
  public synchronized FakeModel then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /**
   * Holds the next request inside the server, answered only once the gate is released: a call that
   * is out while the test does something else. The server answers one request at a time, so nothing
   * else is answered meanwhile either.
   */
  public synchronized Gate holdNext() {
    gate = new Gate();
    return gate;
  }

  /** See {@link #holdNext}. */
  public static final class Gate {
    private static final long LONGEST_HOLD_SECONDS = 30;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Whether the held request arrived within {@code timeout}. */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
      return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held request be answered; idempotent. */
    public void release() {
      released.countDown();
    }

    private void hold() {
      arrived.countDown();
      try {
        // bounded, so a test that forgets to release fails instead of hanging
        released.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The {@code i}th request's JSON body. */
  public JsonNode request(int i) {
    return requests().get(i).json();
  }

  public synchronized List<String> surprises() {
    return List.copyOf(surprises);
  }

  /** Scripted answers not yet used. */
  public synchronized int unused() {
    return script.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try (InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      reply = answer(new Request(exchange.getRequestMethod(), path(exchange), headers, body));
    }
    Gate held = takeGate();
    if (held != null) {
      held.hold();
    }
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  private synchronized Gate takeGate() {
    Gate g = gate;
    gate = null;
    return g;
  }

  private static String path(HttpExchange exchange) {
    return exchange.getRequestURI().getPath();
  }

  private synchronized Reply answer(Request request) {
    requests.add(request);
    if (!request.method().equals("POST") || !request.path().equals("/v1/chat/completions")) {
      return surprise(404, "no route " + request.method() + " " + request.path());
    }
    Optional<String> problem = Protocol.check(request.body());
    if (problem.isPresent()) {
      return surprise(400, problem.get());
    }
    Reply next = script.poll();
    if (next == null) {
      return surprise(500, "the test scripted no answer for request " + requests.size());
    }
    return next;
  }

  private Reply surprise(int status, String message) {
    surprises.add(message);
    return Reply.error(status, "invalid_request_error", null, "fake model: " + message);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
