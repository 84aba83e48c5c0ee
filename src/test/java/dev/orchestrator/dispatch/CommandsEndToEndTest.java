package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Reaction;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7 end to end: the real server, the shipped missions and a FakeGitHub. */
class CommandsEndToEndTest {
  @TempDir Path dir;
  private GitHubScenario s;
  private FakeRepo repo;
  private int issue;

  @BeforeEach
  void start() {
    s = GitHubScenario.start(dir, Map.of());
    repo = s.repo("widgets");
    repo.role("tess", "triage").role("rita", "read").role("wes", "write");
    issue = s.issue(repo, "Crash on start");
  }

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  private List<Comment> botComments() {
    return repo.comments().on(issue).stream()
        .filter(c -> c.body().contains("<!-- agent-"))
        .toList();
  }

  private List<String> reactions(long commentId) {
    return repo.reactions().on(commentId).stream().map(Reaction::content).toList();
  }

  private int count(String sql) {
    return s.count(sql);
  }

  @Test
  void statusFromATriageUserGetsOneReplyAndTheReactionLifecycle() {
    Comment c = s.comment(repo, issue, "tess", "User", "/agent status", "d-status");
    s.awaitDispatched();
    List<Comment> replies = botComments();
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).body())
        .startsWith("@tess ")
        .contains("Agent health: **UNKNOWN**")
        .contains("<!-- agent-reply:d-status:1 -->");
    assertThat(reactions(c.id())).containsExactly("+1");
    assertThat(
            s.github.requests(
                "POST", "/repos/octo/widgets/issues/comments/" + c.id() + "/reactions"))
        .hasSize(2);
  }

  @Test
  void aReadUserAskingForAWriteMissionIsRefusedWithThePermissionNamed() throws Exception {
    Comment c = s.comment(repo, issue, "rita", "User", "/agent run stale-issues", "d-refused");
    s.awaitDispatched();
    assertThat(botComments())
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .contains(
            "running `stale-issues` needs triage permission on this repository; @rita has read");
    assertThat(reactions(c.id())).containsExactly("-1");
    assertThat(count("SELECT COUNT(*) FROM runs")).isZero();
  }

  @Test
  void botsEditedCommentsAndCodeBlocksGetNothing() throws Exception {
    s.comment(repo, issue, "dependabot[bot]", "Bot", "/agent status", "d-bot");
    Comment edited = repo.comment(issue, "tess", "/agent status");
    s.deliver(
        "issue_comment",
        s.commentPayload(repo, issue, edited.id(), "tess", "User", "/agent status", "edited"),
        "d-edit");
    s.comment(repo, issue, "tess", "User", "Try this:\n\n```\n/agent status\n```", "d-code");
    s.awaitDispatched();
    assertThat(botComments()).isEmpty();
    assertThat(s.github.requests().stream().filter(r -> r.path().contains("/reactions"))).isEmpty();
  }

  @Test
  void aNearMissGetsDidYouMeanAndConfused() {
    Comment c = s.comment(repo, issue, "tess", "User", "/agent stauts", "d-typo");
    s.awaitDispatched();
    assertThat(botComments())
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .contains("did you mean `status`?");
    assertThat(reactions(c.id())).containsExactly("confused");
  }

  @Test
  void theSameCommentUnderTwoDeliveryIdsStartsOneRun() throws Exception {
    Comment c = repo.comment(issue, "tess", "/agent triage");
    var payload = s.commentPayload(repo, issue, c.id(), "tess", "User", "/agent triage", "created");
    assertThat(s.deliver("issue_comment", payload, "d-one").statusCode()).isEqualTo(202);
    assertThat(s.deliver("issue_comment", payload, "d-two").statusCode()).isEqualTo(202);
    s.awaitDispatched();
    assertThat(count("SELECT COUNT(*) FROM runs WHERE mission = 'issue-triage'")).isOne();
    assertThat(
            count(
                "SELECT COUNT(*) FROM runs WHERE idempotency_key = 'comment:"
                    + c.id()
                    + ":1' AND priority = 2"))
        .as("a human's command raises the mission's normal priority to high")
        .isOne();
  }

  @Test
  void aCommandRunIsExecutedByAWorkerWithOneStatusCommentAndTheReactionLifecycle()
      throws Exception {
    Comment c = s.comment(repo, issue, "tess", "User", "/agent triage", "d-run");
    s.awaitDispatched();
    Await.until(
        "the run to succeed",
        java.time.Duration.ofSeconds(60),
        () -> {
          try {
            return count(
                    "SELECT COUNT(*) FROM runs WHERE mission = 'issue-triage' AND status = 'SUCCEEDED'")
                == 1;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    Await.until("👍 and 👀 removed", () -> reactions(c.id()).equals(List.of("+1")));
    assertThat(repo.issues().get(issue).labels()).contains("needs-triage");
    List<Comment> ours = botComments();
    assertThat(ours.stream().filter(x -> x.body().contains("<!-- agent-run:"))).hasSize(1);
    assertThat(ours.stream().filter(x -> x.body().contains("<!-- agent-out:"))).hasSize(1);
    assertThat(
            ours.stream()
                .filter(x -> x.body().contains("<!-- agent-run:"))
                .findFirst()
                .orElseThrow()
                .body())
        .contains("**run 1**")
        .contains("succeeded");
    assertThat(reactions(c.id())).containsExactly("+1");
  }

  @Test
  void issuesOpenedStartsTriageOnlyWhereTheRepositoryOptedIn() throws Exception {
    FakeRepo optedIn = s.repo("gadgets");
    optedIn.file(".github/agent.yml", "triggers: [issue-triage]\n");
    int a = s.issue(optedIn, "Opted in");
    int b = s.issue(repo, "Not opted in");
    s.deliver("issues", s.issueOpened(optedIn, a, "mona"), "d-open-a");
    s.deliver("issues", s.issueOpened(repo, b, "mona"), "d-open-b");
    s.deliver("issues", s.issueOpened(optedIn, a, "mona"), "d-open-a-again");
    s.awaitDispatched();
    assertThat(
            count(
                "SELECT COUNT(*) FROM runs WHERE mission = 'issue-triage' AND repository = 'octo/gadgets'"))
        .isOne();
    assertThat(count("SELECT COUNT(*) FROM runs WHERE repository = 'octo/widgets'")).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM deliveries WHERE delivery_id = 'd-open-b' AND reason LIKE '%has not opted in%'"))
        .isOne();
  }

  @Test
  void aBrokenRepositoryConfigIsAnsweredWithFileLineCol() {
    repo.file(".github/agent.yml", "triggers: [issue-triage]\ndisabel: [stale-issues]\n");
    s.comment(repo, issue, "tess", "User", "/agent missions", "d-broken");
    s.awaitDispatched();
    assertThat(botComments())
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .contains(".github/agent.yml:2:1: unknown key \"disabel\"");
  }

  @Test
  void aPushTouchingTheConfigClearsTheCache() throws Exception {
    s.comment(repo, issue, "tess", "User", "/agent missions", "d-m1");
    s.awaitDispatched();
    assertThat(botComments().get(0).body()).contains("`stale-issues`");
    repo.file(".github/agent.yml", "disable: [stale-issues]\n");
    var push = s.commentPayload(repo, issue, 1, "tess", "User", "", "created");
    push.removeAll();
    push.put("ref", "refs/heads/" + repo.defaultBranch());
    push.putObject("repository")
        .put("full_name", repo.fullName())
        .put("default_branch", repo.defaultBranch());
    push.putArray("commits").addObject().putArray("modified").add(".github/agent.yml");
    s.deliver("push", push, "d-push-" + UUID.randomUUID());
    s.comment(repo, issue, "tess", "User", "/agent missions", "d-m2");
    s.awaitDispatched();
    Await.until("two replies", () -> botComments().size() == 2);
    assertThat(botComments().get(1).body())
        .doesNotContain("`stale-issues`")
        .contains("`issue-triage`");
  }
}
