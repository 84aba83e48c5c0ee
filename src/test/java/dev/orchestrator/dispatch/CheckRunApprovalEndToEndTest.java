package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.CheckRun;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BLOCKED run on a pull request: its check run's buttons and the check-run sequence. */
class CheckRunApprovalEndToEndTest {
  @TempDir Path dir;
  private ApprovalScene a;

  @BeforeEach
  void start() {
    a = new ApprovalScene(dir, Map.of());
  }

  @AfterEach
  void stop() {
    a.close();
  }

  private CheckRun only(String conclusion) {
    return a.checkRuns().stream()
        .filter(r -> conclusion.equals(r.conclusion()))
        .reduce((x, y) -> y)
        .orElseThrow(() -> new AssertionError("no check run " + conclusion + ": " + a.checkRuns()));
  }

  @Test
  void theApproveButtonResumesTheRunOnANewCheckRunOfTheSameName() {
    int pr = a.pullRequest("a");
    long run = a.blockedRunOnPullRequest(pr, "d-pr");
    CheckRun blocked = only("action_required");
    assertThat(blocked.name()).isEqualTo("agent: stale-issues");
    assertThat(blocked.actions())
        .extracting(CheckRun.Action::identifier)
        .containsExactly("approve", "reject");
    assertThat(blocked.actions())
        .allSatisfy(
            x -> {
              assertThat(x.label().length()).isLessThanOrEqualTo(20);
              assertThat(x.identifier().length()).isLessThanOrEqualTo(20);
              assertThat(x.description().length()).isLessThanOrEqualTo(40);
            });
    assertThat(blocked.detailsUrl())
        .endsWith("/octo/widgets/issues/" + pr + "#issuecomment-" + a.statusCommentId(run));

    a.press(run, blocked.id(), "approve", "tess", "d-self");
    assertThat(a.outcome("d-self")).startsWith("refused").contains("self-approval");
    a.press(run, blocked.id() + 999, "approve", "wes", "d-other-check");
    assertThat(a.outcome("d-other-check")).startsWith("ignored");
    assertThat(a.status(run)).isEqualTo("BLOCKED");

    a.press(run, blocked.id(), "approve", "wes", "d-button");
    a.awaitStatus(run, "SUCCEEDED");
    Await.until(
        "a second check run to succeed",
        () -> a.checkRuns().stream().anyMatch(r -> "success".equals(r.conclusion())));
    List<CheckRun> all = a.checkRuns();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).conclusion()).isEqualTo("action_required");
    assertThat(all.get(1).name()).isEqualTo(all.get(0).name());
    assertThat(all.get(1).headSha()).isEqualTo(all.get(0).headSha());
    assertThat(all.get(1).conclusion()).isEqualTo("success");
    assertThat(a.transcript(run)).contains("wes");
  }

  @Test
  void theRejectButtonEndsTheRunAndCancelsItsCheckRun() {
    int pr = a.pullRequest("b");
    long run = a.blockedRunOnPullRequest(pr, "d-pr-reject");
    a.press(run, only("action_required").id(), "reject", "mara", "d-reject");
    a.awaitStatus(run, "REJECTED");
    Await.until(
        "the check run to be cancelled",
        () -> a.checkRuns().stream().anyMatch(r -> "cancelled".equals(r.conclusion())));
    assertThat(a.checkRuns()).hasSize(1);
    a.awaitComment(run, "rejected");
  }

  @Test
  void approvalByCommentOnAPullRequest() {
    int pr = a.pullRequest("c");
    long run = a.blockedRunOnPullRequest(pr, "d-pr-comment");
    a.s.comment(a.repo, pr, "mara", "User", "/agent approve " + run, "d-approve");
    a.s.awaitDispatched();
    a.awaitStatus(run, "SUCCEEDED");
    Await.until(
        "the new check run to succeed",
        () -> a.checkRuns().stream().anyMatch(r -> "success".equals(r.conclusion())));
    assertThat(a.repo.issues().get(a.stale).labels()).contains("stale");
  }
}
