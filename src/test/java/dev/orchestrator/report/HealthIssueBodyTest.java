package dev.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthIssueBodyTest {
  private static final Instant AT = Instant.parse("2026-03-01T12:34:56Z");

  @Test
  void theBodyStartsWithTheMarkerAndCarriesTheSummaryAndWhenItWasWritten() {
    String body =
        HealthIssueBody.render("### Agent health: **HEALTHY**\n\nok\n", AT, Duration.ofHours(6));
    assertThat(body)
        .startsWith("<!-- agent-health -->\n### Agent health: **HEALTHY**\n\nok\n\n")
        .contains(
            "_Updated 2026-03-01 12:34 UTC by the agent's scheduled health report (every 6h)");
  }

  @Test
  void aLongSummaryIsCutUnderGitHubsLimitKeepingTheMarker() {
    String row = "| mission | 1 | 2 | $0.0000 |\n";
    String body = HealthIssueBody.render(row.repeat(5_000), AT, Duration.ofMinutes(5));
    assertThat(body.length()).isLessThanOrEqualTo(Markdown.COMMENT_LIMIT);
    assertThat(body).startsWith(HealthIssueBody.MARKER + "\n| mission |");
    assertThat(body.length()).isGreaterThan(Markdown.COMMENT_LIMIT - 2 * row.length() - 500);
  }
}
