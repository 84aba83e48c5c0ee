package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.CheckRun;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run shows on GitHub: the requests, the check run on a pull request, a full queue. */
class RunFeedbackEndToEndTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

  @TempDir Path dir;
  GitHubScenario s;

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  private int count(String sql) {
    return s.count(sql);
  }

  private ObjectNode onPullRequest(ObjectNode payload, FakeRepo repo, int number) {
    String api = s.github.apiUrl() + "/repos/" + repo.fullName() + "/pulls/" + number;
    ((ObjectNode) payload.get("issue"))
        .putObject("pull_request")
        .put("url", api)
        .put("html_url", "https://github.com/" + repo.fullName() + "/pull/" + number)
        .put("diff_url", "https://github.com/" + repo.fullName() + "/pull/" + number + ".diff")
        .put("patch_url", "https://github.com/" + repo.fullName() + "/pull/" + number + ".patch")
        .putNull("merged_at");
    return payload;
  }

  private static String line(RecordedRequest r) {
    return r.method() + " " + r.template();
  }

  @Test
  void aCommandRunOnAPullRequestMakesExactlyTheseRequestsAndConcludesItsCheckRun() {
    s = GitHubScenario.start(dir, Map.of());
    FakeRepo repo = s.repo("widgets");
    repo.role("tess", "triage");
    int pr = repo.add(IssueSeed.pullRequest("Fix the crash", "fix-crash", SHA)).number();
    Comment c = repo.comment(pr, "tess", "/agent triage");
    int before = s.github.requests().size();
    s.deliver(
        "issue_comment",
        onPullRequest(
            s.commentPayload(repo, pr, c.id(), "tess", "User", "/agent triage", "created"),
            repo,
            pr),
        "d-pr");
    Await.until(
        "the run to succeed and its check run to conclude",
        Duration.ofSeconds(60),
        () ->
            count("SELECT COUNT(*) FROM runs WHERE status = 'SUCCEEDED'") == 1
                && repo.checkRuns().all().stream().anyMatch(r -> "completed".equals(r.status())));
    Await.until(
        "👀 removed",
        () -> repo.reactions().on(c.id()).stream().noneMatch(r -> r.content().equals("eyes")));

    List<CheckRun> checks = repo.checkRuns().all();
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).headSha()).isEqualTo(SHA);
    assertThat(checks.get(0).name()).contains("issue-triage");
    assertThat(checks.get(0).conclusion()).isEqualTo("success");
    assertThat(checks.get(0).detailsUrl()).contains("#issuecomment-");

    List<String> requests =
        s.github.requests().subList(before, s.github.requests().size()).stream()
            .filter(r -> !r.template().startsWith("/app")) // the App's token and identity
            .map(RunFeedbackEndToEndTest::line)
            .toList();
    assertThat(requests)
        .containsExactly(
            // the dispatcher: the repository's agent.yml and missions directory, 👀, who is asking
            "GET /repos/{owner}/{repo}/contents/{path}",
            "GET /repos/{owner}/{repo}/contents/{path}",
            "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
            "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
            // the worker: the head SHA, the check run, the status comment
            "GET /repos/{owner}/{repo}/pulls/{pull_number}",
            "POST /repos/{owner}/{repo}/check-runs",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
            // the mission's three steps
            "GET /repos/{owner}/{repo}/issues/{issue_number}",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
            // the end: status comment, check run, 👍, 👀 removed
            "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
            "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
            "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
            "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}");
    assertThat(
            repo.comments().on(pr).stream()
                .filter(x -> x.body().contains("<!-- agent-run:"))
                .toList())
        .hasSize(1);
  }

  @Test
  void aFullQueueRefusesTheRunWithAReplyToTheRequester() {
    s = GitHubScenario.start(dir, Map.of("QUEUE_CAPACITY", "1"));
    FakeRepo repo = s.repo("widgets");
    repo.role("tess", "triage");
    int issue = s.issue(repo, "Crash on start");
    // hold the mission's runs in the queue: its breaker is open for this installation
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + s.server.database);
    try (App app = new AppFactory(env, Clock.systemUTC(), dir.resolve("none.env")).open()) {
      for (int i = 0; i < 5; i++) {
        app.breaker().recordFailure("issue-triage", 1, true);
      }
    }
    s.comment(repo, issue, "tess", "User", "/agent triage", "d-first");
    Comment second = s.comment(repo, issue, "tess", "User", "/agent triage", "d-second");
    s.awaitDispatched();

    assertThat(count("SELECT COUNT(*) FROM runs WHERE status = 'QUEUED'")).isOne();
    List<Comment> replies =
        repo.comments().on(issue).stream()
            .filter(x -> x.body().contains("<!-- agent-reply:d-second"))
            .toList();
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).body())
        .startsWith("@tess ")
        .contains("`issue-triage` was not started")
        .contains("queue")
        .contains("Try again later");
    assertThat(repo.reactions().on(second.id()).stream().map(r -> r.content()).toList())
        .containsExactly("-1");
  }
}
