package dev.orchestrator.health;

import dev.orchestrator.runtime.BreakerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The runbook pointers PRODUCT.md asks for, each with the figures that triggered it. */
final class Recommendations {
  static final double SLOW_AVERAGE_SECONDS = 60.0; // strictly more is slow
  static final int QUEUE_FULL_PERCENT = 80; // of capacity, or more
  static final int RATE_LIMIT_LOW_PERCENT = 10; // remaining of the limit, or less
  static final int BUDGET_SPENT_PERCENT = 80; // of the limit, or more

  private Recommendations() {}

  static List<Recommendation> of(RunStats stats, HealthContext context) {
    List<Recommendation> out = new ArrayList<>();
    if (!context.openBreakers().isEmpty()) {
      out.add(
          new Recommendation(
              Recommendation.BREAKER_OPEN,
              "mission circuit breakers not closed, their runs wait in the queue: "
                  + context.openBreakers().stream()
                      .map(Recommendations::describe)
                      .collect(Collectors.joining(", "))));
    }
    context
        .rateLimit()
        .filter(r -> r.limit() > 0 && r.remaining() * 100 <= RATE_LIMIT_LOW_PERCENT * r.limit())
        .ifPresent(
            r ->
                out.add(
                    new Recommendation(
                        Recommendation.RATE_LIMIT_LOW,
                        "GitHub rate limit low: "
                            + r.remaining()
                            + " of "
                            + r.limit()
                            + " requests left"
                            + r.resetsAt().map(t -> ", resets at " + t).orElse(""))));
    stats
        .averageDurationSeconds()
        .filter(avg -> avg > SLOW_AVERAGE_SECONDS)
        .ifPresent(avg -> out.add(slow(avg, stats.byMission())));
    long size = context.queueSize();
    long capacity = context.queueCapacity();
    if (capacity > 0 && size * 100 >= QUEUE_FULL_PERCENT * capacity) {
      out.add(
          new Recommendation(
              Recommendation.QUEUE_FULL,
              "queue near capacity: "
                  + size
                  + " of "
                  + capacity
                  + " runs queued ("
                  + HealthReport.percent(size, capacity)
                  + ")"));
    }
    context
        .budget()
        .filter(b -> b.limitUsd() > 0 && b.spentUsd() * 100 >= BUDGET_SPENT_PERCENT * b.limitUsd())
        .ifPresent(
            b ->
                out.add(
                    new Recommendation(
                        Recommendation.BUDGET,
                        String.format(
                            Locale.ROOT,
                            "model budget nearly spent: $%.2f of $%.2f",
                            b.spentUsd(),
                            b.limitUsd()))));
    return out;
  }

  private static String describe(BreakerRecord b) {
    String where = b.installationId() == 0 ? "" : " (installation " + b.installationId() + ")";
    return "\"" + b.mission() + "\"" + where + " " + b.state();
  }

  private static Recommendation slow(double average, Map<String, MissionTotals> byMission) {
    String slowest =
        byMission.entrySet().stream()
            .filter(e -> e.getValue().averageDurationSeconds().orElse(0.0) > SLOW_AVERAGE_SECONDS)
            .sorted(
                (a, b) ->
                    Double.compare(
                        b.getValue().averageDurationSeconds().orElse(0.0),
                        a.getValue().averageDurationSeconds().orElse(0.0)))
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "\"%s\" %.1f s",
                        e.getKey(),
                        e.getValue().averageDurationSeconds().orElse(0.0)))
            .collect(Collectors.joining(", "));
    return new Recommendation(
        Recommendation.SLOW_MISSIONS,
        String.format(
                Locale.ROOT,
                "average run duration %.1f s is over %.0f s",
                average,
                SLOW_AVERAGE_SECONDS)
            + (slowest.isEmpty() ? "" : "; slowest: " + slowest));
  }
}
