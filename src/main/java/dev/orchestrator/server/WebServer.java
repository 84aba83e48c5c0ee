package dev.orchestrator.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.Secret;
import dev.orchestrator.setup.SetupFlow;
import dev.orchestrator.webhook.Intake;
import dev.orchestrator.webhook.IntakeResult;
import dev.orchestrator.webhook.WebhookRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: webhook intake, liveness and readiness, the status document and metrics. With
 * {@code API_TOKEN} set, every route but {@link BearerAuth#OPEN_PATHS} needs the bearer token.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

  /** How long a webhook waits for room in memory; GitHub gives up on an answer after 10 s. */
  private static final long BODY_ROOM_WAIT_MILLIS = 8_000;

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** What the routes serve; {@code setup} only in setup mode ({@code /setup} is 404 otherwise). */
  public record Routes(
      Intake intake,
      Readiness readiness,
      StatusSource status,
      PrometheusMetrics metrics,
      Optional<Setup> setup) {
    /** The routes of normal mode. */
    public Routes(
        Intake intake, Readiness readiness, StatusSource status, PrometheusMetrics metrics) {
      this(intake, readiness, status, metrics, Optional.empty());
    }
  }

  /**
   * Setup mode's pages: the flow, whether {@code /setup} may answer other hosts than loopback
   * ({@code SETUP_ALLOW_REMOTE}), and what to do once a registration's answer has been sent.
   */
  public record Setup(SetupFlow flow, boolean allowRemote, Runnable onRegistered) {}

  /** Starts on {@code host:port} (port 0 picks a free one). */
  public static WebServer start(String host, int port, Optional<Secret> apiToken, Routes routes) {
    BearerAuth auth = new BearerAuth(apiToken);
    BodyBudget budget = BodyBudget.forHeap(Runtime.getRuntime().maxMemory(), Intake.MAX_BODY_BYTES);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.routes.beforeMatched(ctx -> authorize(ctx, auth));
              config.routes.post(
                  "/api/github/webhooks", ctx -> webhook(ctx, routes.intake(), budget));
              config.routes.get("/healthz", ctx -> answer(ctx, 200, "status", "ok"));
              config.routes.get("/readyz", ctx -> ready(ctx, routes.readiness()));
              config.routes.get("/api/status", ctx -> OperatorRoutes.status(ctx, routes.status()));
              config.routes.get("/metrics", ctx -> OperatorRoutes.metrics(ctx, routes.metrics()));
              routes.setup().ifPresent(setup -> SetupRoutes.register(config, setup));
            });
    app.start();
    return new WebServer(app);
  }

  /** The one start-up warning about open operator routes, if there is cause for it. */
  public static Optional<String> startupWarning(String host, Optional<Secret> apiToken) {
    return BearerAuth.startupWarning(host, apiToken);
  }

  /** The port it listens on. */
  public int port() {
    return javalin.port();
  }

  private static void authorize(Context ctx, BearerAuth auth) {
    Optional<String> refusal = auth.refusal(ctx.path(), ctx.header("Authorization"));
    if (refusal.isPresent()) {
      ctx.header("WWW-Authenticate", BearerAuth.CHALLENGE);
      answer(ctx, 401, "message", refusal.get());
      // The header's value is never logged: a mistyped token is still close to the real one.
      LOG.warn("refused {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), refusal.get());
      ctx.skipRemainingHandlers();
    }
  }

  private static void webhook(Context ctx, Intake intake, BodyBudget budget)
      throws IOException, InterruptedException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > Intake.MAX_BODY_BYTES) {
      receive(ctx, intake, declared); // refused without being held in memory
      return;
    }
    Optional<BodyBudget.Permit> room =
        budget.acquire(declared, Intake.MAX_BODY_BYTES, BODY_ROOM_WAIT_MILLIS);
    if (room.isEmpty()) {
      IntakeResult busy = intake.refuseBusy();
      ctx.header("Retry-After", "10");
      ctx.header("Connection", "close"); // its body was not read
      answer(ctx, busy.httpStatus(), "message", busy.message());
      LOG.warn(
          "delivery={} refused 503: {} bytes found no room among the bodies in memory (up to {}"
              + " MiB)",
          ctx.header("X-GitHub-Delivery"),
          declared,
          budget.capacityBytes() >> 20);
      return;
    }
    try {
      receive(ctx, intake, declared);
    } finally {
      room.get().close(); // the body is stored or refused: its bytes are garbage now
    }
  }

  private static void receive(Context ctx, Intake intake, long declared) throws IOException {
    byte[] body = BodyReader.read(ctx.req().getInputStream(), declared, Intake.MAX_BODY_BYTES);
    if (body == null) {
      IntakeResult refused = intake.refuseTooLarge();
      ctx.header("Connection", "close");
      answer(ctx, refused.httpStatus(), "message", refused.message());
      LOG.warn("delivery={} refused: body over 25 MB", ctx.header("X-GitHub-Delivery"));
      return;
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, ctx.req().getHeader(name));
    }
    IntakeResult result = intake.receive(new WebhookRequest(headers, body));
    if (result instanceof IntakeResult.Rejected) {
      LOG.warn(
          "delivery={} refused {}: {}",
          headers.getOrDefault("X-GitHub-Delivery", "-"),
          result.httpStatus(),
          result.message());
    }
    answer(ctx, result.httpStatus(), "message", result.message());
  }

  private static void ready(Context ctx, Readiness readiness) {
    List<String> problems = readiness.problems();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", problems.isEmpty() ? "ready" : "not ready");
    body.putPOJO("problems", problems);
    ctx.status(problems.isEmpty() ? 200 : 503)
        .contentType("application/json")
        .result(body.toString());
  }

  /** A one-member JSON object; written by hand because every webhook answer is one. */
  static void answer(Context ctx, int status, String key, String value) {
    String body = "{\"" + key + "\":\"" + new String(QUOTE.quoteAsString(value)) + "\"}";
    ctx.status(status).contentType("application/json").result(body);
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
