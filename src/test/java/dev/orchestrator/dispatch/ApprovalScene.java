package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.state.CheckRun;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.JumpClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The approval tests' world: the real server against a FakeGitHub on one {@link JumpClock}, {@code
 * octo/widgets} with a requester (tess, triage), a maintainer (mara), a writer (wes), a reader
 * (rita), an issue nobody touched for 90 days, and helpers to block a run of the shipped {@code
 * stale-issues} mission (it needs approval before its first comment).
 */
final class ApprovalScene implements AutoCloseable {
  static final Duration POLL_INITIAL = Duration.ofSeconds(15);
  static final Duration POLL_MAX = Duration.ofSeconds(60);

  final JumpClock clock = JumpClock.real();
  final GitHubScenario s;
  final FakeRepo repo;
  final int stale;

  ApprovalScene(Path dir, Map<String, String> extra) {
    Map<String, String> env =
        new java.util.HashMap<>(
            GitHubScenario.env(
                "APPROVAL_POLL_INITIAL",
                "15s",
                "APPROVAL_POLL_MAX",
                "60s",
                "APPROVAL_TIMEOUT",
                "2h"));
    env.putAll(extra);
    s = GitHubScenario.start(dir, env, clock);
    repo = s.repo("widgets");
    repo.role("tess", "triage").role("mara", "maintain").role("wes", "write").role("rita", "read");
    stale =
        repo.add(IssueSeed.issue("Old crash").updatedAt(clock.instant().minus(Duration.ofDays(90))))
            .number();
  }

  /** A new issue on which tess asks for {@code /agent stale}; returns the run once BLOCKED. */
  long blockedRunOnNewIssue(String deliveryId) {
    int issue = s.issue(repo, "Housekeeping " + deliveryId);
    return blockedRun(issue, deliveryId);
  }

  long blockedRun(int issue, String deliveryId) {
    s.comment(repo, issue, "tess", "User", "/agent stale", deliveryId);
    s.awaitDispatched();
    long id = longValue("SELECT MAX(id) FROM runs WHERE mission = 'stale-issues'");
    awaitStatus(id, "BLOCKED");
    Await.until(
        "the approval request to be posted",
        () -> statusCommentId(id) > 0 && statusComment(id).body().contains("Approval needed"));
    return id;
  }

  /** A pull request at {@code sha} and the run tess asks for on it, once BLOCKED. */
  int pullRequest(String sha) {
    return repo.add(IssueSeed.pullRequest("Refactor " + sha, "feature-" + sha, sha)).number();
  }

  long blockedRunOnPullRequest(int pr, String deliveryId) {
    Comment c = repo.comment(pr, "tess", "/agent stale");
    ObjectNode p = s.commentPayload(repo, pr, c.id(), "tess", "User", "/agent stale", "created");
    ((ObjectNode) p.get("issue"))
        .putObject("pull_request")
        .put("url", s.github.apiUrl() + "/repos/octo/widgets/pulls/" + pr);
    s.deliver("issue_comment", p, deliveryId);
    s.awaitDispatched();
    long id = longValue("SELECT MAX(id) FROM runs WHERE mission = 'stale-issues'");
    awaitStatus(id, "BLOCKED");
    Await.until(
        "the approval request and the action_required check run",
        () ->
            statusCommentId(id) > 0
                && statusComment(id).body().contains("Approval needed")
                && checkRuns().stream().anyMatch(r -> "action_required".equals(r.conclusion())));
    return id;
  }

  /** Presses a button of check run {@code checkRunId} as {@code login}. */
  void press(long runId, long checkRunId, String identifier, String login, String deliveryId) {
    ObjectNode p = s.payload("check_run.requested_action", repo, login, "User");
    ((ObjectNode) p.get("check_run"))
        .put("id", checkRunId)
        .put("external_id", Long.toString(runId))
        .put("name", "agent: stale-issues");
    ((ObjectNode) p.get("requested_action")).put("identifier", identifier);
    s.deliver("check_run", p, deliveryId);
    s.awaitDispatched();
  }

  /** A delivery's recorded outcome and reason. */
  String outcome(String deliveryId) {
    return text(
        "SELECT outcome || ': ' || COALESCE(reason, '') FROM deliveries WHERE delivery_id = '"
            + deliveryId
            + "'");
  }

  String status(long runId) {
    return text("SELECT status FROM runs WHERE id = " + runId);
  }

  void awaitStatus(long runId, String status) {
    Await.until(
        "run " + runId + " to be " + status,
        Duration.ofSeconds(60),
        () -> status.equals(status(runId)));
  }

  long statusCommentId(long runId) {
    return longValue(
        "SELECT COALESCE(status_comment_id, 0) FROM run_links WHERE run_id = " + runId);
  }

  /** Waits until the status comment (edited after the run's row moved) says {@code text}. */
  void awaitComment(long runId, String text) {
    Await.until(
        "run " + runId + "'s status comment to say \"" + text + "\"",
        () -> statusComment(runId).body().contains(text));
  }

  Comment statusComment(long runId) {
    return repo.comments().find(statusCommentId(runId)).orElseThrow();
  }

  /** Moves the clock past the next poll and waits until the poller has looked again. */
  void pollOnce(long runId) {
    String path = "/repos/octo/widgets/issues/comments/" + statusCommentId(runId) + "/reactions";
    int before = s.github.requests("GET", path).size();
    // the poller may first meet the run after a jump (its first poll is then an interval later):
    // jump again until it has looked, a few times at most
    for (int jump = 1; ; jump++) {
      clock.advance(POLL_MAX.plusSeconds(1));
      try {
        Await.until(
            "the poller to read the reactions again",
            Duration.ofSeconds(3),
            () -> s.github.requests("GET", path).size() > before);
        return;
      } catch (AssertionError e) {
        if (jump == 3) {
          throw e;
        }
      }
    }
  }

  /** The transcript's JSON text. */
  String transcript(long runId) {
    return text("SELECT body FROM transcripts WHERE run_id = " + runId);
  }

  List<CheckRun> checkRuns() {
    return repo.checkRuns().all();
  }

  long longValue(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.server.database);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  String text(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.server.database);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  @Override
  public void close() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }
}
