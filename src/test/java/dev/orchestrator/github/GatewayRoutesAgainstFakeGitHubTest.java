package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each {@link GitHubGateway} operation, called once in App mode, and the routes of GitHub's REST
 * description it reached (the FakeGitHub records the template each request matched, and fails on
 * any request no documented route matches). A new gateway method without an entry here fails.
 */
class GatewayRoutesAgainstFakeGitHubTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final String ISSUE = "/repos/{owner}/{repo}/issues/{issue_number}";
  private static final String COMMENT = "/repos/{owner}/{repo}/issues/comments/{comment_id}";

  private FakeGitHubFixture f;

  @AfterEach
  void stop() {
    f.verify();
    f.close();
  }

  @Test
  void everyOperationReachesOnlyItsDocumentedRoute() {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1);
    f.repo.add(IssueSeed.issue("Crash on start"));
    f.repo.add(
        IssueSeed.pullRequest("Add a cache", "feature/cache", SHA).file("a", "added", 1, 0, "+"));
    long comment = f.repo.comment(1, "alice", "Same here.").id();
    long reaction = f.repo.react(comment, "alice", "+1").id();
    f.repo.file("README.md", "hello\n").file("docs/guide.md", "read me\n").role("tri", "triage");
    long delivery = f.github.deliveries().record("issues", "opened", 200, 1L, f.repo.id()).id();
    f.github.repo("octo", "fresh");
    GitHubGateway gh = f.gateway();
    Repo r = f.target;

    Map<String, Supplier<GitHubResult<?>>> calls = new LinkedHashMap<>();
    calls.put("getIssue", () -> gh.getIssue(r, 1));
    calls.put("createIssue", () -> gh.createIssue(r, "Flaky", "Seen twice.", List.of("bug")));
    calls.put("listOpenIssues", () -> gh.listOpenIssues(r));
    calls.put("editIssueBody", () -> gh.editIssueBody(r, 1, "Crashes on start."));
    calls.put("closeIssue", () -> gh.closeIssue(r, 3, Optional.of(CloseReason.COMPLETED)));
    calls.put("addLabels", () -> gh.addLabels(r, 1, List.of("needs-triage")));
    calls.put("removeLabel", () -> gh.removeLabel(r, 1, "needs-triage"));
    calls.put("assign", () -> gh.assign(r, 1, List.of("alice")));
    calls.put("getPullRequest", () -> gh.getPullRequest(r, 2));
    calls.put("listPullRequestFiles", () -> gh.listPullRequestFiles(r, 2));
    calls.put("listComments", () -> gh.listComments(r, 1, Optional.empty()));
    calls.put("getComment", () -> gh.getComment(r, comment));
    calls.put("createComment", () -> gh.createComment(r, 1, "Hi <!-- agent-out:1:1 -->"));
    calls.put("updateComment", () -> gh.updateComment(r, comment, "Same here!"));
    calls.put("findCommentByMarker", () -> gh.findCommentByMarker(r, 1, "<!-- agent-out:1:1 -->"));
    calls.put("listReactions", () -> gh.listReactions(r, comment, Optional.empty()));
    calls.put("createReaction", () -> gh.createReaction(r, comment, "eyes"));
    calls.put("deleteReaction", () -> gh.deleteReaction(r, comment, reaction));
    calls.put("createCheckRun", () -> gh.createCheckRun(r, CheckRunRequest.create("agent", SHA)));
    calls.put(
        "updateCheckRun",
        () ->
            gh.updateCheckRun(
                r,
                f.repo.checkRuns().all().get(0).id(),
                CheckRunRequest.update().status("in_progress")));
    calls.put("searchIssues", () -> gh.searchIssues(r, "is:open", 5));
    calls.put("getFile", () -> gh.getFile(r, "README.md", Optional.empty(), Optional.empty()));
    calls.put(
        "listDirectory", () -> gh.listDirectory(r, "docs", Optional.empty(), Optional.empty()));
    // a repository not fetched yet: the branch comes from GET /repos/{owner}/{repo}
    calls.put("defaultBranch", () -> gh.defaultBranch(Repo.of("octo/fresh").via(1)));
    calls.put("permission", () -> gh.permission(r, "tri"));
    calls.put("appIdentity", gh::appIdentity);
    calls.put("listInstallations", gh::listInstallations);
    calls.put("installation", () -> gh.installation(1));
    calls.put("installationFor", () -> gh.installationFor(r));
    calls.put("installationIdOf", () -> gh.installationIdOf(Repo.of("octo/fresh")));
    calls.put("listDeliveries", () -> gh.listDeliveries(10, Optional.empty()));
    calls.put("redeliver", () -> gh.redeliver(delivery));

    assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(operations());

    // the first repository call also finds the installation and mints its token; later calls
    // reuse both
    assertThat(routesOf(() -> gh.getIssue(r, 1)))
        .containsExactly(
            "GET /repos/{owner}/{repo}/installation",
            "POST /app/installations/{installation_id}/access_tokens",
            "GET " + ISSUE);

    Map<String, List<String>> reached = new LinkedHashMap<>();
    calls.forEach((name, call) -> reached.put(name, routesOf(call)));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("getIssue", List.of("GET " + ISSUE));
    expected.put("createIssue", List.of("POST /repos/{owner}/{repo}/issues"));
    expected.put("listOpenIssues", List.of("GET /repos/{owner}/{repo}/issues"));
    expected.put("editIssueBody", List.of("PATCH " + ISSUE));
    expected.put("closeIssue", List.of("PATCH " + ISSUE));
    expected.put("addLabels", List.of("POST " + ISSUE + "/labels"));
    expected.put("removeLabel", List.of("DELETE " + ISSUE + "/labels/{name}"));
    expected.put("assign", List.of("POST " + ISSUE + "/assignees"));
    expected.put("getPullRequest", List.of("GET /repos/{owner}/{repo}/pulls/{pull_number}"));
    expected.put(
        "listPullRequestFiles", List.of("GET /repos/{owner}/{repo}/pulls/{pull_number}/files"));
    expected.put("listComments", List.of("GET " + ISSUE + "/comments"));
    expected.put("getComment", List.of("GET " + COMMENT));
    expected.put("createComment", List.of("POST " + ISSUE + "/comments"));
    expected.put("updateComment", List.of("PATCH " + COMMENT));
    expected.put("findCommentByMarker", List.of("GET " + ISSUE + "/comments"));
    expected.put("listReactions", List.of("GET " + COMMENT + "/reactions"));
    expected.put("createReaction", List.of("POST " + COMMENT + "/reactions"));
    expected.put("deleteReaction", List.of("DELETE " + COMMENT + "/reactions/{reaction_id}"));
    expected.put("createCheckRun", List.of("POST /repos/{owner}/{repo}/check-runs"));
    expected.put(
        "updateCheckRun", List.of("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"));
    expected.put("searchIssues", List.of("GET /search/issues"));
    expected.put("getFile", List.of("GET /repos/{owner}/{repo}/contents/{path}"));
    expected.put("listDirectory", List.of("GET /repos/{owner}/{repo}/contents/{path}"));
    expected.put("defaultBranch", List.of("GET /repos/{owner}/{repo}"));
    expected.put(
        "permission", List.of("GET /repos/{owner}/{repo}/collaborators/{username}/permission"));
    expected.put("appIdentity", List.of("GET /app"));
    expected.put("listInstallations", List.of("GET /app/installations"));
    expected.put("installation", List.of("GET /app/installations/{installation_id}"));
    expected.put("installationFor", List.of("GET /repos/{owner}/{repo}/installation"));
    expected.put("installationIdOf", List.of("GET /repos/{owner}/{repo}/installation"));
    expected.put("listDeliveries", List.of("GET /app/hook/deliveries"));
    expected.put("redeliver", List.of("POST /app/hook/deliveries/{delivery_id}/attempts"));
    assertThat(reached).containsExactlyEntriesOf(expected);

    // what the fake serves beyond the gateway belongs to setup and status, not to missions
    Set<String> unused = new TreeSet<>(f.github.routes());
    reached.values().forEach(unused::removeAll);
    unused.remove("POST /app/installations/{installation_id}/access_tokens");
    assertThat(unused)
        .containsExactly("GET /rate_limit", "GET /user", "POST /app-manifests/{code}/conversions");
  }

  /** The routes one call reached, as "METHOD template"; the call must succeed. */
  private List<String> routesOf(Supplier<? extends GitHubResult<?>> call) {
    f.verify(); // checked before the log is cleared, so no problem goes unseen
    f.github.log().clear();
    GitHubResult<?> result = call.get();
    assertThat(result.isOk()).as(result.describe()).isTrue();
    f.verify();
    return f.github.requests().stream().map(q -> q.method() + " " + q.template()).toList();
  }

  /** The gateway's abstract methods: its operations. */
  private static Set<String> operations() {
    return Arrays.stream(GitHubGateway.class.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
