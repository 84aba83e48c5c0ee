package dev.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.tool.ToolCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an approval request says about the mission's tools and, for llm runs, the model's cost. */
class ApprovalRequestTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  private static RunRecord llmRun() {
    return new RunRecord(
        7,
        "pr-summary",
        "llm",
        1,
        Optional.of("octo/widgets"),
        Optional.of(3),
        Optional.empty(),
        "command:summarize by @tess",
        Optional.of("tess"),
        Optional.empty(),
        RunStatus.BLOCKED,
        1,
        false,
        "{}",
        Optional.empty(),
        NOW,
        Optional.of(NOW),
        Optional.empty(),
        Optional.empty(),
        2,
        1234,
        0.0123,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1,
        NOW,
        Optional.empty());
  }

  @Test
  void anLlmRunShowsItsToolsWithRisksAndItsCostAgainstTheBudget() {
    String md =
        StatusComment.render(
            llmRun(),
            RunStatus.BLOCKED,
            Optional.empty(),
            Optional.empty(),
            List.<ToolCall>of(),
            Optional.of(
                new StatusComment.Approval(
                    "write",
                    false,
                    NOW.plusSeconds(3600),
                    List.of("get_pull_request", "post_comment"),
                    Optional.of("$0.50, 20000 tokens"))));
    assertThat(md)
        .contains(
            "**Tools this mission may use:** `get_pull_request` (read), `post_comment` (write).")
        .contains(
            "**Model cost so far:** 1234 tokens, $0.0123; the run's budget is $0.50, 20000"
                + " tokens. Approving lets it go on within that budget.")
        .contains("except @tess, who requested it");
  }
}
