package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's repository missions end to end: {@code .github/agent/missions/*.yml} read from the
 * default branch of a FakeGitHub repository by the real server, next to the shipped missions.
 */
class RepositoryMissionsEndToEndTest {
  private static final String DIR = ".github/agent/missions";
  private static final String LISTING = "/repos/octo/widgets/contents/" + DIR;
  private static final String WELCOME =
      """
      name: welcome
      description: Greet the author of a new issue
      triggers:
        - event: issues.opened
        - command: hello
      planner: deterministic
      allowed_tools: [post_comment]
      permission: triage
      steps:
        - tool: post_comment
          args: { number: "${event.issue.number}", body: "Welcome, and thanks for the report!" }
      """;

  @TempDir Path dir;
  private GitHubScenario s;
  private FakeRepo repo;
  private int issue;

  @BeforeEach
  void start() {
    s = GitHubScenario.start(dir, Map.of());
    repo = s.repo("widgets");
    repo.role("tess", "triage").role("rita", "read");
    issue = s.issue(repo, "Crash on start");
  }

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  private List<Comment> replies() {
    return repo.comments().on(issue).stream()
        .filter(c -> c.body().contains("<!-- agent-reply:"))
        .toList();
  }

  private int count(String sql) {
    return s.count(sql);
  }

  private void awaitRuns(String mission, String status, int n) {
    Await.until(
        n + " " + status + " run(s) of " + mission,
        Duration.ofSeconds(60),
        () ->
            count(
                    "SELECT COUNT(*) FROM runs WHERE mission = '"
                        + mission
                        + "' AND status = '"
                        + status
                        + "'")
                == n);
  }

  private void push(String kind, String... paths) {
    s.deliver("push", s.push(repo, kind, paths), "d-push-" + System.nanoTime());
  }

  @Test
  void aRepositoryMissionRunsByCommandAndByItsTriggerOnceAgentYmlListsIt() {
    repo.file(DIR + "/welcome.yml", WELCOME);

    s.comment(repo, issue, "tess", "User", "/agent run welcome", "d-run");
    s.comment(repo, issue, "tess", "User", "/agent hello", "d-hello");
    s.awaitDispatched();
    awaitRuns("welcome", "SUCCEEDED", 2);
    assertThat(repo.comments().on(issue))
        .filteredOn(c -> c.body().contains("<!-- agent-out:"))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.body()).startsWith("Welcome, and thanks for the report!"));

    int first = s.issue(repo, "Opened before the opt-in");
    s.deliver("issues", s.issueOpened(repo, first, "mona"), "d-open-1");
    s.awaitDispatched();
    assertThat(count("SELECT COUNT(*) FROM runs WHERE trigger LIKE 'event:%'"))
        .as("a repository mission's event trigger fires only where agent.yml lists it")
        .isZero();

    repo.file(".github/agent.yml", "triggers: [welcome]\n");
    push("added", ".github/agent.yml");
    int second = s.issue(repo, "Opened after the opt-in");
    s.deliver("issues", s.issueOpened(repo, second, "mona"), "d-open-2");
    s.awaitDispatched();
    awaitRuns("welcome", "SUCCEEDED", 3);
    assertThat(count("SELECT COUNT(*) FROM runs WHERE trigger = 'event:issues.opened'")).isOne();
    assertThat(repo.comments().on(second))
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .startsWith("Welcome, and thanks for the report!");
  }

  @Test
  void aBrokenRepositoryMissionIsAnsweredWithFileLineColAndHidesNoOther() {
    repo.file(DIR + "/welcome.yml", WELCOME);
    repo.file(
        DIR + "/closer.yml",
        """
        name: closer
        description: Close stale issues
        planner: deterministic
        allowed_tools: [get_issue, close_issue]
        steps:
          - tool: get_issue
            args: { number: 1 }
        """);
    repo.file(
        DIR + "/triage.yml",
        """
        name: issue-triage
        description: Our own triage
        planner: deterministic
        allowed_tools: [get_issue]
        steps:
          - tool: get_issue
            args: { number: 1 }
        """);

    Comment c = s.comment(repo, issue, "tess", "User", "/agent run welcome", "d-broken");
    s.awaitDispatched();

    assertThat(replies())
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .contains(
            DIR
                + "/closer.yml:4:28: \"allowed_tools\": \"close_issue\" is destructive;"
                + " repository missions may not use destructive tools")
        .contains(
            DIR
                + "/triage.yml:1:7: mission name \"issue-triage\" is already the name of global"
                + " mission \"issue-triage\"");
    awaitRuns("welcome", "SUCCEEDED", 1);
    assertThat(count("SELECT COUNT(*) FROM runs")).isOne();
    assertThat(c.id()).isPositive();
  }

  @Test
  void whenGitHubCannotListTheMissionsTheReplySaysSoAndTheLastGoodReadStays() {
    repo.file(DIR + "/welcome.yml", WELCOME);
    repo.files().put(repo.defaultBranch(), DIR + "/latin1.yml", new byte[] {'n', (byte) 0xE9});
    s.github.faults().on("GET", LISTING).times(3, Fault.status(502));

    s.comment(repo, issue, "rita", "User", "/agent missions", "d-down");
    s.awaitDispatched();
    assertThat(replies().get(0).body())
        .contains(DIR + ": could not be read, so this repository's own missions are unavailable")
        .contains("`issue-triage`")
        .doesNotContain("`welcome`");

    s.comment(repo, issue, "rita", "User", "/agent missions", "d-up");
    s.awaitDispatched();
    Await.until("two replies", () -> replies().size() == 2);
    assertThat(replies().get(1).body())
        .as("a failed read is not kept: the next command asks again")
        .contains("`welcome`")
        .contains(DIR + "/latin1.yml: not UTF-8 text");

    push("modified", DIR + "/welcome.yml");
    s.github.faults().on("GET", LISTING).times(3, Fault.status(502));
    s.comment(repo, issue, "rita", "User", "/agent missions", "d-down-again");
    s.awaitDispatched();
    Await.until("three replies", () -> replies().size() == 3);
    assertThat(replies().get(2).body())
        .as("what was read last stays while GitHub fails")
        .contains("`welcome`")
        .doesNotContain("could not be read");
  }

  @Test
  void missionsListsRepositoryMissionsAsSuch() {
    repo.file(DIR + "/welcome.yml", WELCOME);
    repo.file(DIR + "/notes.md", "not a mission");

    s.comment(repo, issue, "rita", "User", "/agent missions", "d-list");
    s.awaitDispatched();

    String body = replies().get(0).body();
    assertThat(body)
        .contains("| `welcome` (repository mission, `" + DIR + "/welcome.yml`) | `/agent hello` |")
        .contains("| `issue-triage` | `/agent triage` |")
        .doesNotContain("notes.md");
  }

  @Test
  void aPushTouchingTheMissionsShowsTheNewFileAndAnUnchangedDirectoryIsA304() {
    repo.file(DIR + "/welcome.yml", WELCOME);
    s.comment(repo, issue, "rita", "User", "/agent missions", "d-m1");
    s.awaitDispatched();
    assertThat(replies().get(0).body()).contains("`welcome`").doesNotContain("`farewell`");

    repo.file(
        DIR + "/farewell.yml", WELCOME.replace("welcome", "farewell").replace("hello", "bye"));
    push("added", DIR + "/farewell.yml");
    s.comment(repo, issue, "rita", "User", "/agent missions", "d-m2");
    s.awaitDispatched();
    Await.until("two replies", () -> replies().size() == 2);
    assertThat(replies().get(1).body()).contains("`welcome`").contains("`farewell`");
    assertThat(s.github.requests("GET", "/repos/octo/widgets/contents/" + DIR + "/welcome.yml"))
        .as("a file whose sha did not change is not read again")
        .hasSize(1);

    push("modified", ".github/agent.yml");
    var forced = s.push(repo, "modified");
    forced.put("forced", true);
    s.deliver("push", forced, "d-forced");
    s.comment(repo, issue, "rita", "User", "/agent missions", "d-m3");
    s.awaitDispatched();
    Await.until("three replies", () -> replies().size() == 3);
    assertThat(replies().get(2).body()).contains("`welcome`").contains("`farewell`");

    List<RecordedRequest> listings = s.github.requests("GET", LISTING);
    assertThat(listings).extracting(RecordedRequest::status).containsExactly(200, 200, 304);
    assertThat(listings.get(0).header("if-none-match")).isEmpty();
    assertThat(listings.get(1).header("if-none-match"))
        .as("a changed directory is asked for conditionally too, and answered in full")
        .isPresent();
    assertThat(listings.get(2).header("if-none-match"))
        .as("the third read asks with the ETag of the second answer")
        .isPresent()
        .isNotEqualTo(listings.get(1).header("if-none-match"));
    assertThat(s.github.requests("GET", "/repos/octo/widgets/contents/" + DIR + "/farewell.yml"))
        .hasSize(1);
  }
}
