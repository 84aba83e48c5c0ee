package dev.orchestrator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.health.MissionTotals;
import dev.orchestrator.health.Recommendation;
import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status document: PRODUCT.md's keys, then the figures behind them. One code path for {@code
 * agent status --format json} and {@code GET /api/status}, so the two are the same text.
 */
public final class StatusJson {
  /** The longest window a caller may ask for: ten years of hours. */
  public static final long MAX_LOOKBACK_HOURS = 24L * 366 * 10;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final List<RunStatus> ACTIVE =
      List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.BLOCKED);

  private StatusJson() {}

  /** The document as indented JSON text, without a trailing newline. */
  public static String render(HealthReport r, long lookbackHours) {
    try {
      return MAPPER.writeValueAsString(of(r, lookbackHours));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing the status document: " + e.getMessage(), e);
    }
  }

  /** The document as a tree. */
  public static ObjectNode of(HealthReport r, long lookbackHours) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("health", r.level().name());
    root.put("summary", r.summary());
    root.put("lookback_hours", lookbackHours);
    put(root, "window_start", Optional.of(r.stats().from()));
    put(root, "window_end", Optional.of(r.stats().to()));
    if (r.successRate().isPresent()) {
      root.put("success_rate", r.successRate().get());
    } else {
      root.putNull("success_rate");
    }
    root.put("successes", r.successes());
    root.put("failures", r.failures());
    ObjectNode runs = root.putObject("runs");
    r.stats().finishedByStatus().forEach((status, n) -> runs.put(status.name(), n));
    root.put("dry_runs", r.stats().dryRuns());
    putRounded(root, "average_duration_seconds", r.averageDurationSeconds(), 3);
    ObjectNode active = root.putObject("active");
    for (RunStatus s : ACTIVE) {
      active.put(s.name(), r.context().active().getOrDefault(s, 0L));
    }
    root.put("queue_size", r.context().queueSize());
    root.put("queue_capacity", r.context().queueCapacity());
    ObjectNode waiting = root.putObject("queue_waiting");
    waiting.put("runs", r.context().waiting().runs());
    put(waiting, "next", r.context().waiting().next());
    root.set("circuit_breaker", breakers(r.context().openBreakers()));
    rateLimit(root, r.context().rateLimit());
    budget(root, r.context().budget());
    root.set("costs", costs(r));
    ArrayNode recs = root.putArray("recommendations");
    for (Recommendation rec : r.recommendations()) {
      recs.addObject()
          .put("section", rec.section())
          .put("message", rec.message())
          .put("runbook", rec.runbook());
    }
    return root;
  }

  /** The worst state overall (OPEN, else HALF_OPEN, else CLOSED) and each breaker not closed. */
  private static ObjectNode breakers(List<BreakerRecord> open) {
    ObjectNode node = MAPPER.createObjectNode();
    BreakerState worst = BreakerState.CLOSED;
    for (BreakerRecord b : open) {
      if (b.state() == BreakerState.OPEN) {
        worst = BreakerState.OPEN;
      } else if (worst == BreakerState.CLOSED) {
        worst = b.state();
      }
    }
    node.put("state", worst.name());
    ArrayNode list = node.putArray("open");
    for (BreakerRecord b : open) {
      ObjectNode o =
          list.addObject()
              .put("mission", b.mission())
              .put("installation_id", b.installationId())
              .put("state", b.state().name())
              .put("consecutive_failures", b.consecutiveFailures());
      put(o, "opened_at", b.openedAt());
      put(o, "half_opens_at", b.halfOpensAt());
    }
    return node;
  }

  private static void rateLimit(ObjectNode root, Optional<HealthContext.RateLimit> rateLimit) {
    if (rateLimit.isEmpty()) {
      root.putNull("rate_limit"); // unknown until a GitHub response has reported it
      return;
    }
    ObjectNode node = root.putObject("rate_limit");
    node.put("remaining", rateLimit.get().remaining()).put("limit", rateLimit.get().limit());
    put(node, "resets_at", rateLimit.get().resetsAt());
  }

  private static void budget(ObjectNode root, Optional<HealthContext.Budget> budget) {
    if (budget.isEmpty()) {
      root.putNull("budget");
      return;
    }
    root.putObject("budget")
        .put("spent_usd", round(budget.get().spentUsd(), 6))
        .put("limit_usd", round(budget.get().limitUsd(), 6));
  }

  private static ObjectNode costs(HealthReport r) {
    ObjectNode costs = MAPPER.createObjectNode();
    costs
        .putObject("total")
        .put("runs", r.stats().totalRuns())
        .put("token_usage", r.stats().totalTokens())
        .put("cost_usd", round(r.stats().totalCostUsd(), 6));
    ObjectNode byType = costs.putObject("by_mission_type");
    for (Map.Entry<String, MissionTotals> e : r.costs().entrySet()) {
      ObjectNode m =
          byType
              .putObject(e.getKey())
              .put("runs", e.getValue().runs())
              .put("token_usage", e.getValue().tokenUsage())
              .put("cost_usd", round(e.getValue().costUsd(), 6));
      putRounded(m, "average_duration_seconds", e.getValue().averageDurationSeconds(), 3);
    }
    ObjectNode byModel = costs.putObject("by_model");
    for (Map.Entry<String, MissionTotals> e : r.stats().byModel().entrySet()) {
      byModel
          .putObject(e.getKey())
          .put("runs", e.getValue().runs())
          .put("token_usage", e.getValue().tokenUsage())
          .put("cost_usd", round(e.getValue().costUsd(), 6));
    }
    return costs;
  }

  /** An instant as ISO-8601 text, or null. */
  private static void put(ObjectNode node, String key, Optional<Instant> instant) {
    if (instant.isPresent()) {
      node.put(key, instant.get().toString());
    } else {
      node.putNull(key);
    }
  }

  /** A number rounded to {@code decimals} (sums of doubles carry noise), or null. */
  private static void putRounded(
      ObjectNode node, String key, Optional<Double> value, int decimals) {
    if (value.isPresent()) {
      node.put(key, round(value.get(), decimals));
    } else {
      node.putNull(key);
    }
  }

  private static BigDecimal round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
