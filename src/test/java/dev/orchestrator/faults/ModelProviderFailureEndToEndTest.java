package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakemodel.FakeModel;
import dev.orchestrator.fakemodel.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model provider failing, end to end: the real server runs a repository's own {@code planner:
 * llm} mission on {@code issues.opened} against the fake model. A 5xx and a 429 with {@code
 * retry-after} are tried again and the run posts its one comment; a provider that stays down past
 * the tries fails the run cleanly (an infrastructure failure, nothing written), and the next run
 * works once it is back.
 */
class ModelProviderFailureEndToEndTest {
  private static final String MISSION =
      "name: describe-issue\n"
          + "description: Explain a new issue in one comment\n"
          + "goal: Read the new issue with get_issue and post one comment that explains it.\n"
          + "triggers:\n"
          + "  - event: issues.opened\n"
          + "planner: llm\n"
          + "allowed_tools: [get_issue, post_comment]\n"
          + "max_steps: 4\n";

  @TempDir Path dir;
  private final FakeModel model = FakeModel.start();
  private TriageScene t;

  @BeforeEach
  void start() {
    t =
        new TriageScene(
            dir,
            Map.of(
                "LLM_BASE_URL", model.baseUrl(),
                "LLM_MODEL", "gpt-4o-mini",
                "LLM_API_KEY", "sk-test-123"),
            "describe-issue");
    t.repo.file(".github/agent/missions/describe-issue.yml", MISSION);
  }

  @AfterEach
  void stop() {
    t.close();
    model.close();
    assertThat(model.surprises()).isEmpty();
    assertThat(model.unused()).as("scripted replies left").isZero();
  }

  private void explains(int issue) {
    model.then(
        Reply.toolCall("get_issue", "{\"number\": " + issue + "}", 500, 10),
        Reply.toolCall(
            "post_comment",
            "{\"number\": " + issue + ", \"body\": \"This issue reports a crash.\"}",
            700,
            20),
        Reply.answer("Explained issue #" + issue + ".", 800, 5));
  }

  private void assertOneComment(int issue) {
    assertThat(t.s.github.comments("octo", "widgets", issue))
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .startsWith("This issue reports a crash.");
  }

  @Test
  void a5xxAndA429AreTriedAgainAndTheRunPostsItsCommentOnce() {
    model.then(Reply.error(503, "server_error", null, "overloaded"), Reply.rateLimited(1));
    int issue = t.s.issue(t.repo, "Crash on start");
    explains(issue);
    t.deliverOpened(issue, "d-1");

    t.awaitStatus(issue, "SUCCEEDED");
    assertOneComment(issue);
    assertThat(model.requests()).hasSize(5);
    t.assertDeliveriesDispatchedOnce(1);
  }

  @Test
  void aProviderDownPastTheTriesFailsTheRunCleanlyAndTheNextRunWorks() {
    model.then(
        Reply.error(500, "server_error", null, "down"),
        Reply.error(502, "server_error", null, "bad gateway"),
        Reply.error(503, "server_error", null, "overloaded"));
    int down = t.open("Crash on start", "d-down");
    t.awaitStatus(down, "FAILED");
    assertThat(t.run(down).error())
        .hasValueSatisfying(e -> assertThat(e).contains("model").contains("503"));
    // nothing the mission would write; the run's own status comment reports the failure (it may
    // land just after the status changes)
    assertThat(t.s.github.comments("octo", "widgets", down))
        .noneMatch(c -> c.body().contains("<!-- agent-out:"));

    int back = t.s.issue(t.repo, "Slow on resume");
    explains(back);
    t.deliverOpened(back, "d-back");
    t.awaitStatus(back, "SUCCEEDED");
    assertOneComment(back);
    t.assertDeliveriesDispatchedOnce(2);
  }
}
