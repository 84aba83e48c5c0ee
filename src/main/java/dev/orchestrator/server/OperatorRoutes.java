package dev.orchestrator.server;

import dev.orchestrator.report.StatusJson;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/status} and {@code GET /metrics}: what operators read from the running server.
 */
final class OperatorRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorRoutes.class);
  static final long DEFAULT_LOOKBACK_HOURS = 24;

  private OperatorRoutes() {}

  static void status(Context ctx, StatusSource status) {
    String raw = ctx.queryParam("lookback_hours");
    long hours = DEFAULT_LOOKBACK_HOURS;
    if (raw != null) {
      try {
        hours = Long.parseLong(raw.strip());
      } catch (NumberFormatException e) {
        hours = -1;
      }
      if (hours < 1 || hours > StatusJson.MAX_LOOKBACK_HOURS) {
        WebServer.answer(
            ctx,
            400,
            "message",
            "lookback_hours: expected a number from 1 to "
                + StatusJson.MAX_LOOKBACK_HOURS
                + "; found \""
                + raw
                + "\"");
        return;
      }
    }
    String body;
    try {
      body = status.render(hours);
    } catch (RuntimeException e) {
      LOG.error("GET /api/status: {}", e.getMessage(), e);
      WebServer.answer(ctx, 500, "message", "reading the status failed: " + e.getMessage());
      return;
    }
    // The same text the command line prints, newline included.
    ctx.status(200).contentType("application/json").result(body + "\n");
  }

  static void metrics(Context ctx, PrometheusMetrics metrics) {
    ctx.status(200).contentType(PrometheusMetrics.CONTENT_TYPE).result(metrics.scrape());
  }
}
