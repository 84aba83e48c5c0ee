package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How waiting runs end without an approval, on a server with one worker. */
class ApprovalLifecycleEndToEndTest {
  @TempDir Path dir;
  private ApprovalScene a;

  @BeforeEach
  void start() {
    a = new ApprovalScene(dir, Map.of("WORKERS", "1"));
  }

  @AfterEach
  void stop() {
    a.close();
  }

  @Test
  void noDecisionBeforeTheTimeoutExpiresTheRunAndTimesOutItsCheckRun() {
    int pr = a.pullRequest("e");
    long run = a.blockedRunOnPullRequest(pr, "d-expire");
    a.clock.advance(Duration.ofHours(2).plusMinutes(1));
    a.awaitStatus(run, "EXPIRED");
    Await.until(
        "the check run to time out",
        () -> a.checkRuns().stream().anyMatch(r -> "timed_out".equals(r.conclusion())));
    a.awaitComment(run, "expired");
    assertThat(a.transcript(run)).contains("\"expired\"");
  }

  @Test
  void theRequesterCancelsTheirBlockedRun() {
    long run = a.blockedRunOnNewIssue("d-cancel-me");
    int issue = (int) a.longValue("SELECT issue_number FROM runs WHERE id = " + run);
    a.s.comment(a.repo, issue, "tess", "User", "/agent cancel " + run, "d-cancel");
    a.s.awaitDispatched();
    a.awaitStatus(run, "CANCELLED");
    a.awaitComment(run, "cancelled");
    assertThat(a.transcript(run)).contains("\"cancelled\"").contains("tess");
  }

  @Test
  void aBlockedRunDoesNotHoldTheOneWorker() {
    a.blockedRunOnNewIssue("d-blocked");
    int other = a.s.issue(a.repo, "Another issue");
    a.s.comment(a.repo, other, "tess", "User", "/agent triage", "d-other");
    a.s.awaitDispatched();
    long triage = a.longValue("SELECT MAX(id) FROM runs WHERE mission = 'issue-triage'");
    a.awaitStatus(triage, "SUCCEEDED");
    assertThat(a.repo.issues().get(other).labels()).contains("needs-triage");
  }

  @Test
  void aPushToThePullRequestCancelsTheRunWaitingForApprovalOfTheOldHead() {
    int pr = a.pullRequest("f");
    long blocked = a.blockedRunOnPullRequest(pr, "d-old-head");
    ObjectNode push = a.s.payload("pull_request.synchronize", a.repo, "tess", "User");
    push.put("number", pr);
    ObjectNode head = ((ObjectNode) push.get("pull_request")).put("number", pr);
    ((ObjectNode) head.get("head")).put("sha", "f".repeat(39) + "1");
    a.s.deliver("pull_request", push, "d-push");
    a.s.awaitDispatched();
    assertThat(a.status(blocked)).isEqualTo("CANCELLED");
    assertThat(a.outcome("d-push")).contains("cancelled runs [" + blocked + "]");
    Await.until(
        "the check run to be cancelled",
        () -> a.checkRuns().stream().anyMatch(r -> "cancelled".equals(r.conclusion())));
    a.s.comment(a.repo, pr, "mara", "User", "/agent approve " + blocked, "d-late");
    a.s.awaitDispatched();
    assertThat(a.status(blocked)).isEqualTo("CANCELLED");
    assertThat(a.repo.issues().get(a.stale).labels()).doesNotContain("stale");
  }
}
