package dev.orchestrator.report;

import dev.orchestrator.health.HealthReport;
import dev.orchestrator.health.MissionTotals;
import dev.orchestrator.health.Recommendation;
import dev.orchestrator.runtime.BreakerRecord;
import java.util.Locale;
import java.util.Map;

/**
 * The health summary as markdown: used by {@code /agent status}, {@code get_health} and reports.
 */
public final class HealthSummary {
  private HealthSummary() {}

  public static String markdown(HealthReport r, String window) {
    StringBuilder md = new StringBuilder();
    md.append("### Agent health: **").append(r.level()).append("**\n\n");
    md.append(Markdown.cell(r.summary())).append("\n\n");
    md.append("| measure | value |\n|---|---|\n");
    md.append("| window | ").append(window).append(" |\n");
    md.append("| success rate | ").append(r.successPercent().orElse("n/a")).append(" |\n");
    md.append("| succeeded / failed | ")
        .append(r.successes())
        .append(" / ")
        .append(r.failures())
        .append(" |\n");
    md.append("| average duration | ")
        .append(r.averageDurationSeconds().map(HealthSummary::seconds).orElse("n/a"))
        .append(" |\n");
    md.append("| queue | ")
        .append(r.context().queueSize())
        .append(" of ")
        .append(r.context().queueCapacity())
        .append(" |\n");
    md.append("| circuit breakers open | ")
        .append(r.context().openBreakers().size())
        .append(" |\n");
    r.context()
        .rateLimit()
        .ifPresent(
            rl ->
                md.append("| GitHub rate limit | ")
                    .append(rl.remaining())
                    .append(" of ")
                    .append(rl.limit())
                    .append(" left |\n"));
    Map<String, MissionTotals> costs = r.costs();
    if (!costs.isEmpty()) {
      md.append("\n| mission | runs | tokens | cost |\n|---|---:|---:|---:|\n");
      costs.forEach(
          (mission, t) ->
              md.append("| ")
                  .append(Markdown.cell(mission))
                  .append(" | ")
                  .append(t.runs())
                  .append(" | ")
                  .append(t.tokenUsage())
                  .append(" | $")
                  .append(String.format(Locale.ROOT, "%.4f", t.costUsd()))
                  .append(" |\n"));
    }
    if (!r.context().openBreakers().isEmpty()) {
      md.append("\nOpen breakers:\n");
      for (BreakerRecord b : r.context().openBreakers()) {
        md.append("- `")
            .append(Markdown.cell(b.mission()))
            .append("` (installation ")
            .append(b.installationId())
            .append(")\n");
      }
    }
    if (!r.recommendations().isEmpty()) {
      md.append("\nRecommendations:\n");
      for (Recommendation rec : r.recommendations()) {
        md.append("- ")
            .append(rec.message())
            .append(" (runbook: `")
            .append(rec.runbook())
            .append("`)\n");
      }
    }
    return Markdown.fit(md.toString(), Markdown.COMMENT_LIMIT);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
