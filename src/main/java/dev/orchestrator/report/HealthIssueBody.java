package dev.orchestrator.report;

import dev.orchestrator.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The body of the scheduled health report's issue: the marker that finds it again, the health
 * summary, and when it was written. Cut under GitHub's body limit; the marker comes first so a cut
 * never loses it.
 */
public final class HealthIssueBody {
  /** Starts every body of the report's issue; the issue is found by it. */
  public static final String MARKER = "<!-- agent-health -->";

  /** The title of a newly created report issue. */
  public static final String TITLE = "Agent health report";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private HealthIssueBody() {}

  /** The body for {@code summary} (from {@link HealthSummary#markdown}) written at {@code at}. */
  public static String render(String summary, Instant at, Duration every) {
    String text =
        MARKER
            + "\n"
            + summary.strip()
            + "\n\n_Updated "
            + TIME.format(at)
            + " by the agent's scheduled health report (every "
            + Durations.format(every)
            + "); edits to this issue are overwritten, closing it makes the agent open a new"
            + " one._\n";
    return Markdown.fit(text, Markdown.COMMENT_LIMIT);
  }
}
