package dev.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.health.HealthCalculator;
import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.RunGroup;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.Golden;
import dev.orchestrator.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The approval request, a finished status comment and the health summary, against golden files. */
class ReportGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  private static RunRecord run(RunStatus status) {
    return new RunRecord(
        42,
        "stale-issues",
        "deterministic",
        1,
        Optional.of("octo/widgets"),
        Optional.of(7),
        Optional.empty(),
        "command:stale by @tess",
        Optional.of("tess"),
        Optional.empty(),
        status,
        1,
        false,
        "{\"days\":\"30\"}",
        Optional.empty(),
        NOW,
        Optional.of(NOW),
        status.isTerminal() ? Optional.of(NOW.plusSeconds(3)) : Optional.empty(),
        status.isTerminal() ? Optional.of(3.25) : Optional.empty(),
        3,
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1,
        NOW,
        Optional.empty());
  }

  private static ObjectNode transcript() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            "{\"steps\":[{\"index\":0,\"tool_call\":{\"name\":\"search_issues\"},"
                + "\"result\":{\"ok\":true,\"output\":{}},\"duration\":0.25},"
                + "{\"index\":1,\"tool_call\":{\"name\":\"post_comment\"},"
                + "\"result\":{\"ok\":true,\"output\":{}},\"duration\":0.5},"
                + "{\"index\":2,\"tool_call\":{\"name\":\"add_labels\"},"
                + "\"result\":{\"ok\":false,\"error\":{\"class\":\"github_4xx\"}},\"duration\":0.1}]}");
  }

  @Test
  void theApprovalRequest() throws Exception {
    List<ToolCall> planned =
        List.of(
            new ToolCall("search_issues", JSON.readTree("{\"query\":\"is:open\"}"), 0),
            new ToolCall(
                "post_comment", JSON.readTree("{\"number\":3,\"body\":\"Still | relevant?\"}"), 1),
            new ToolCall("add_labels", JSON.readTree("{\"number\":3,\"labels\":[\"stale\"]}"), 2));
    String md =
        StatusComment.render(
            run(RunStatus.BLOCKED),
            RunStatus.BLOCKED,
            Optional.empty(),
            Optional.empty(),
            planned,
            Optional.of(
                new StatusComment.Approval(
                    "triage",
                    false,
                    NOW.plusSeconds(86_400),
                    List.of("search_issues", "post_comment", "add_labels"),
                    Optional.empty())));
    Golden.assertMatches("approval-request.md", md);
  }

  @Test
  void aFinishedStatusComment() throws Exception {
    String md =
        StatusComment.render(
            run(RunStatus.SUCCEEDED),
            RunStatus.SUCCEEDED,
            Optional.of(transcript()),
            Optional.of("Asked on 1 issue and labelled it stale."),
            List.of(),
            Optional.empty());
    Golden.assertMatches("status-comment.md", md);
  }

  @Test
  void theHealthSummaryTable() {
    RunStats stats =
        new RunStats(
            NOW.minusSeconds(86_400),
            NOW,
            List.of(
                new RunGroup("issue-triage", RunStatus.SUCCEEDED, false, 17, 17, 34.0, 0, 0),
                new RunGroup(
                    "pr-summary",
                    RunStatus.SUCCEEDED,
                    false,
                    2,
                    2,
                    50.0,
                    9000,
                    0.0421,
                    "gpt-4o-mini"),
                new RunGroup("stale-issues", RunStatus.FAILED, false, 3, 3, 6.0, 0, 0),
                new RunGroup("stale-issues", RunStatus.EXPIRED, false, 1, 0, 0, 0, 0)));
    HealthContext context =
        new HealthContext(
            List.of(
                new BreakerRecord(
                    "stale-issues", 1, BreakerState.OPEN, 3, Optional.of(NOW.minusSeconds(60)))),
            Map.of(RunStatus.QUEUED, 4L, RunStatus.BLOCKED, 1L),
            100,
            Optional.of(new HealthContext.RateLimit(4200, 5000, Optional.empty())),
            Optional.empty());
    String md = HealthSummary.markdown(new HealthCalculator().calculate(stats, context), "24 h");
    Golden.assertMatches("health-summary.md", md);
  }

  @Test
  void aMismatchFailsWithADiff() {
    assertThatThrownBy(() -> Golden.assertMatches("health-summary.md", "### changed\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-golden +actual")
        .hasMessageContaining("+### changed");
    assertThat(Golden.DIR.resolve("health-summary.md")).exists();
  }
}
