package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.health.MissionTotals;
import dev.orchestrator.health.Recommendation;
import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status --format json}: PRODUCT.md's keys, then the figures behind them. */
final class StatusJson {
  private static final List<RunStatus> ACTIVE =
      List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.BLOCKED);

  private StatusJson() {}

  static ObjectNode of(HealthReport r, long lookbackHours) {
    ObjectNode root = Json.object();
    root.put("health", r.level().name());
    root.put("summary", r.summary());
    root.put("lookback_hours", lookbackHours);
    Json.put(root, "window_start", Optional.of(r.stats().from()));
    Json.put(root, "window_end", Optional.of(r.stats().to()));
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
    Json.putRounded(root, "average_duration_seconds", r.averageDurationSeconds(), 3);
    ObjectNode active = root.putObject("active");
    for (RunStatus s : ACTIVE) {
      active.put(s.name(), r.context().active().getOrDefault(s, 0L));
    }
    root.put("queue_size", r.context().queueSize());
    root.put("queue_capacity", r.context().queueCapacity());
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
    ObjectNode node = Json.object();
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
      Json.put(o, "opened_at", b.openedAt());
      Json.put(o, "half_opens_at", b.halfOpensAt());
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
    Json.put(node, "resets_at", rateLimit.get().resetsAt());
  }

  private static void budget(ObjectNode root, Optional<HealthContext.Budget> budget) {
    if (budget.isEmpty()) {
      root.putNull("budget");
      return;
    }
    root.putObject("budget")
        .put("spent_usd", Json.round(budget.get().spentUsd(), 6))
        .put("limit_usd", Json.round(budget.get().limitUsd(), 6));
  }

  private static ObjectNode costs(HealthReport r) {
    ObjectNode costs = Json.object();
    costs
        .putObject("total")
        .put("runs", r.stats().totalRuns())
        .put("token_usage", r.stats().totalTokens())
        .put("cost_usd", Json.round(r.stats().totalCostUsd(), 6));
    ObjectNode byType = costs.putObject("by_mission_type");
    for (Map.Entry<String, MissionTotals> e : r.costs().entrySet()) {
      ObjectNode m =
          byType
              .putObject(e.getKey())
              .put("runs", e.getValue().runs())
              .put("token_usage", e.getValue().tokenUsage())
              .put("cost_usd", Json.round(e.getValue().costUsd(), 6));
      Json.putRounded(m, "average_duration_seconds", e.getValue().averageDurationSeconds(), 3);
    }
    ObjectNode byModel = costs.putObject("by_model");
    for (Map.Entry<String, MissionTotals> e : r.stats().byModel().entrySet()) {
      byModel
          .putObject(e.getKey())
          .put("runs", e.getValue().runs())
          .put("token_usage", e.getValue().tokenUsage())
          .put("cost_usd", Json.round(e.getValue().costUsd(), 6));
    }
    return costs;
  }
}
