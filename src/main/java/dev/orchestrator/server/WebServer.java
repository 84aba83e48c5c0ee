package dev.orchestrator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: webhook intake, liveness and readiness. */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Javalin javalin;

  private WebServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts on {@code host:port} (port 0 picks a free one). */
  public static WebServer start(String host, int port, Intake intake, Readiness readiness) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.routes.post("/api/github/webhooks", ctx -> webhook(ctx, intake));
              config.routes.get("/healthz", ctx -> answer(ctx, 200, "status", "ok"));
              config.routes.get("/readyz", ctx -> ready(ctx, readiness));
            });
    app.start();
    return new WebServer(app);
  }

  /** The port it listens on. */
  public int port() {
    return javalin.port();
  }

  private static void webhook(Context ctx, Intake intake) throws IOException {
    byte[] body =
        BodyReader.read(
            ctx.req().getInputStream(), ctx.req().getContentLengthLong(), Intake.MAX_BODY_BYTES);
    if (body == null) {
      ctx.header("Connection", "close");
      answer(
          ctx, 413, "message", "payload is larger than GitHub's 25 MB limit; nothing was stored");
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

  private static void answer(Context ctx, int status, String key, String value) {
    ObjectNode body = JSON.createObjectNode();
    body.put(key, value);
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
