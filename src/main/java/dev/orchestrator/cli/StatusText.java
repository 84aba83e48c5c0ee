package dev.orchestrator.cli;

import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.health.MissionTotals;
import dev.orchestrator.health.Recommendation;
import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code status} for people: {@code text} reads as sentences, {@code table} as aligned columns. */
final class StatusText {
  private StatusText() {}

  static void text(PrintWriter out, HealthReport r, long hours) {
    out.println("health: " + r.level() + " - " + r.summary());
    out.println("runs finished in the last " + hours + "h, dry runs not counted: " + runs(r));
    out.println("average duration: " + seconds(r.averageDurationSeconds()));
    out.println("queue: " + queue(r.context()));
    out.println("circuit breakers: " + breakers(r));
    out.println("rate limit: " + rateLimit(r.context()));
    out.println(
        String.format(
            Locale.ROOT,
            "costs: %d tokens, $%.4f over %d runs",
            r.stats().totalTokens(),
            r.stats().totalCostUsd(),
            r.stats().totalRuns()));
    for (Map.Entry<String, MissionTotals> e : r.costs().entrySet()) {
      MissionTotals m = e.getValue();
      out.println(
          String.format(
              Locale.ROOT,
              "  %s: %d run%s, %d tokens, $%.4f, average %s",
              e.getKey(),
              m.runs(),
              m.runs() == 1 ? "" : "s",
              m.tokenUsage(),
              m.costUsd(),
              seconds(m.averageDurationSeconds())));
    }
    if (r.recommendations().isEmpty()) {
      out.println("recommendations: none");
    } else {
      out.println("recommendations:");
      for (Recommendation rec : r.recommendations()) {
        out.println("  - " + rec.message() + " (see " + rec.runbook() + ")");
      }
    }
  }

  static void table(PrintWriter out, HealthReport r, long hours) {
    new Table("METRIC", "VALUE")
        .row("health", r.level())
        .row("lookback_hours", hours)
        .row("success_rate", r.successPercent().orElse("unknown"))
        .row("successes", r.successes())
        .row("failures", r.failures())
        .row("runs", runs(r))
        .row("average_duration", seconds(r.averageDurationSeconds()))
        .row("queue", queue(r.context()))
        .row("circuit_breaker", breakers(r))
        .row("rate_limit", rateLimit(r.context()))
        .row("tokens", r.stats().totalTokens())
        .row("cost_usd", String.format(Locale.ROOT, "%.4f", r.stats().totalCostUsd()))
        .print(out);
    if (!r.costs().isEmpty()) {
      out.println();
      Table costs = new Table("MISSION_TYPE", "RUNS", "TOKENS", "COST_USD", "AVG_DURATION");
      r.costs()
          .forEach(
              (mission, m) ->
                  costs.row(
                      mission,
                      m.runs(),
                      m.tokenUsage(),
                      String.format(Locale.ROOT, "%.4f", m.costUsd()),
                      seconds(m.averageDurationSeconds())));
      costs.print(out);
    }
    if (!r.recommendations().isEmpty()) {
      out.println();
      Table recs = new Table("RECOMMENDATION", "RUNBOOK");
      r.recommendations().forEach(rec -> recs.row(rec.message(), rec.runbook()));
      recs.print(out);
    }
  }

  private static String runs(HealthReport r) {
    String counts =
        r.stats().finishedByStatus().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return counts + "; " + r.stats().dryRuns() + " dry runs";
  }

  private static String queue(HealthContext c) {
    String waiting =
        c.waiting().runs() == 0
            ? ""
            : " ("
                + c.waiting().runs()
                + " waiting for GitHub's rate limit, the first until "
                + c.waiting().next().map(Object::toString).orElse("?")
                + ")";
    return c.queueSize()
        + " of "
        + c.queueCapacity()
        + " queued"
        + waiting
        + ", "
        + c.active().getOrDefault(RunStatus.RUNNING, 0L)
        + " running, "
        + c.active().getOrDefault(RunStatus.BLOCKED, 0L)
        + " blocked";
  }

  private static String breakers(HealthReport r) {
    if (r.context().openBreakers().isEmpty()) {
      return "all closed";
    }
    return r.context().openBreakers().stream()
        .map(StatusText::breaker)
        .collect(Collectors.joining("; "));
  }

  private static String breaker(BreakerRecord b) {
    return b.mission()
        + (b.installationId() == 0 ? "" : " (installation " + b.installationId() + ")")
        + " "
        + b.state()
        + (b.state() == BreakerState.OPEN
            ? b.halfOpensAt().map(t -> ", half-opens at " + t).orElse("")
            : "");
  }

  private static String rateLimit(HealthContext c) {
    return c.rateLimit()
        .map(
            l ->
                l.remaining()
                    + " of "
                    + l.limit()
                    + " left"
                    + l.resetsAt().map(t -> ", resets at " + t).orElse(""))
        .orElse("unknown");
  }

  private static String seconds(Optional<Double> s) {
    return s.map(v -> String.format(Locale.ROOT, "%.1f s", v)).orElse("none");
  }
}
