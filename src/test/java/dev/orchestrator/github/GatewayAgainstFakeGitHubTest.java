package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every repository operation of the gateway against the FakeGitHub, in App mode and token mode:
 * each hits a route of GitHub's REST description (the fake fails on any other) and returns what the
 * fake's state holds. Check runs, App operations, tokens and unknown outcomes have their own
 * classes beside this one.
 */
class GatewayAgainstFakeGitHubTest {
  /** Runs a test once in App mode (PKCS#1 key) and once in token mode. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Mode.class,
      names = {"APP_PKCS1", "TOKEN"})
  @interface AppAndTokenMode {}

  private FakeGitHubFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.verify();
      f.close();
    }
  }

  private GitHubGateway start(Mode mode) {
    f = FakeGitHubFixture.start(mode);
    return f.gateway();
  }

  @AppAndTokenMode
  void issuesAreReadLabelledAssignedCreatedAndClosedWithAReason(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.add(IssueSeed.issue("Crash on start").body("It crashes.").author("alice").labels("bug"));

    Issue issue = gh.getIssue(f.target, 1).orElseThrow();
    assertThat(issue.number()).isEqualTo(1);
    assertThat(issue.title()).isEqualTo("Crash on start");
    assertThat(issue.body()).isEqualTo("It crashes.");
    assertThat(issue.state()).isEqualTo("open");
    assertThat(issue.labels()).containsExactly("bug");
    assertThat(issue.author()).isEqualTo("alice");
    assertThat(issue.pullRequest()).isFalse();
    assertThat(issue.htmlUrl()).isEqualTo(f.github.webUrl() + "/octo/hello/issues/1");

    assertThat(gh.addLabels(f.target, 1, List.of("needs-triage", "good first issue")).isOk())
        .isTrue();
    assertThat(gh.removeLabel(f.target, 1, "bug").isOk()).isTrue();
    assertThat(gh.removeLabel(f.target, 1, "bug").isOk()).as("already gone").isTrue();
    assertThat(gh.assign(f.target, 1, List.of("alice")).isOk()).isTrue();
    assertThat(f.repo.issues().get(1).labels()).containsExactly("needs-triage", "good first issue");
    assertThat(f.repo.issues().get(1).assignees()).containsExactly("alice");
    assertThat(f.github.requests("DELETE", "/repos/octo/hello/issues/1/labels/bug")).hasSize(2);

    Issue created =
        gh.createIssue(f.target, "Flaky test", "Seen twice.", List.of("bug")).orElseThrow();
    assertThat(created.number()).isEqualTo(2);
    assertThat(created.labels()).containsExactly("bug");
    assertThat(f.repo.issues().get(2).title()).isEqualTo("Flaky test");

    assertThat(gh.closeIssue(f.target, 2, Optional.of(CloseReason.NOT_PLANNED)).isOk()).isTrue();
    assertThat(f.repo.issues().get(2).state()).isEqualTo("closed");
    assertThat(f.repo.issues().get(2).stateReason()).isEqualTo("not_planned");
    Issue closed = gh.getIssue(f.target, 2).orElseThrow();
    assertThat(closed.state()).isEqualTo("closed");
    assertThat(closed.stateReason()).contains("not_planned");
    assertThat(f.github.requests("PATCH", "/repos/octo/hello/issues/2").get(0).json().toString())
        .isEqualTo("{\"state\":\"closed\",\"state_reason\":\"not_planned\"}");

    assertThat(gh.getIssue(f.target, 99)).isInstanceOf(GitHubResult.NotFound.class);
  }

  @AppAndTokenMode
  void pullRequestsAndTheirFilesAreRead(Mode mode) {
    GitHubGateway gh = start(mode);
    String sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    f.repo.add(
        IssueSeed.pullRequest("Add a cache", "feature/cache", sha)
            .author("bob")
            .file("src/Cache.java", "added", 40, 0, "@@ -0,0 +1,40 @@")
            .file("README.md", "modified", 2, 1, "@@ -1 +1,2 @@"));

    PullRequest pr = gh.getPullRequest(f.target, 1).orElseThrow();
    assertThat(pr.title()).isEqualTo("Add a cache");
    assertThat(pr.headSha()).isEqualTo(sha);
    assertThat(pr.headRef()).isEqualTo("feature/cache");
    assertThat(pr.baseRef()).isEqualTo("main");
    assertThat(pr.author()).isEqualTo("bob");
    assertThat(pr.draft()).isFalse();
    assertThat(pr.merged()).isFalse();
    assertThat(
            gh.listPullRequestFiles(f.target, 1).orElseThrow().stream()
                .map(
                    x ->
                        x.filename()
                            + " "
                            + x.status()
                            + " +"
                            + x.additions()
                            + " -"
                            + x.deletions()
                            + " "
                            + x.patch().orElse(""))
                .toList())
        .containsExactly(
            "src/Cache.java added +40 -0 @@ -0,0 +1,40 @@",
            "README.md modified +2 -1 @@ -1 +1,2 @@");
    assertThat(gh.getIssue(f.target, 1).orElseThrow().pullRequest()).isTrue();
  }

  @AppAndTokenMode
  void commentsAreListedPostedEditedReadAndFoundByTheirMarker(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.add(IssueSeed.issue("Crash on start"));
    long first = f.repo.comment(1, "alice", "Same here.").id();
    f.clock.advance(Duration.ofHours(1));

    String body = "Labelled for triage.\n<!-- agent-out:42:3 -->";
    Comment posted = gh.createComment(f.target, 1, body).orElseThrow();
    assertThat(posted.body()).isEqualTo(body);
    assertThat(posted.author()).isEqualTo(mode.app() ? "agent-orchestrator-test[bot]" : "octocat");
    assertThat(posted.authorIsBot()).isEqualTo(mode.app());
    assertThat(posted.createdAt()).isEqualTo(f.clock.instant());

    assertThat(gh.listComments(f.target, 1, Optional.empty()).orElseThrow())
        .extracting(Comment::id)
        .containsExactly(first, posted.id());
    assertThat(
            gh.listComments(f.target, 1, Optional.of(f.clock.instant().minusSeconds(60)))
                .orElseThrow())
        .extracting(Comment::id)
        .containsExactly(posted.id());
    assertThat(gh.getComment(f.target, first).orElseThrow().body()).isEqualTo("Same here.");

    Comment edited = gh.updateComment(f.target, posted.id(), body + "\nDone.").orElseThrow();
    assertThat(edited.body()).endsWith("Done.");
    assertThat(f.repo.comments().find(posted.id()).orElseThrow().body()).endsWith("Done.");

    assertThat(gh.findCommentByMarker(f.target, 1, "<!-- agent-out:42:3 -->").orElseThrow())
        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(posted.id()));
    assertThat(gh.findCommentByMarker(f.target, 1, "<!-- agent-out:42:4 -->").orElseThrow())
        .isEmpty();
    assertThat(gh.getComment(f.target, 123456)).isInstanceOf(GitHubResult.NotFound.class);
  }

  @AppAndTokenMode
  void reactionsAreReadConditionallyCreatedOnceAndDeleted(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.add(IssueSeed.issue("Approve?"));
    long comment = f.repo.comment(1, "agent-orchestrator-test[bot]", "Approve with +1").id();
    f.repo.react(comment, "alice", "+1");
    String path = "/repos/octo/hello/issues/comments/" + comment + "/reactions";

    Tagged<List<Reaction>> read =
        gh.listReactions(f.target, comment, Optional.empty()).orElseThrow().orElseThrow();
    assertThat(read.value())
        .extracting(Reaction::content, Reaction::user)
        .containsExactly(tuple("+1", "alice"));
    assertThat(read.etag()).isPresent();

    assertThat(gh.listReactions(f.target, comment, read.etag()).orElseThrow())
        .as("unchanged: 304, not modified")
        .isEmpty();
    RecordedRequest conditional = f.github.requests("GET", path).get(1);
    assertThat(conditional.header("If-None-Match")).isEqualTo(read.etag());
    assertThat(conditional.status()).isEqualTo(304);

    Reaction eyes = gh.createReaction(f.target, comment, "eyes").orElseThrow();
    assertThat(eyes.content()).isEqualTo("eyes");
    assertThat(gh.createReaction(f.target, comment, "eyes").orElseThrow().id())
        .as("the same reaction again is the existing one")
        .isEqualTo(eyes.id());
    Tagged<List<Reaction>> changed =
        gh.listReactions(f.target, comment, read.etag()).orElseThrow().orElseThrow();
    assertThat(changed.value()).extracting(Reaction::content).containsExactly("+1", "eyes");
    assertThat(changed.etag()).isPresent().isNotEqualTo(read.etag());

    assertThat(gh.deleteReaction(f.target, comment, eyes.id()).isOk()).isTrue();
    assertThat(f.repo.reactions().on(comment)).extracting(r -> r.content()).containsExactly("+1");
  }

  @AppAndTokenMode
  void searchIsScopedToTheRepository(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.add(IssueSeed.issue("Crash on start").labels("bug"));
    f.repo.add(IssueSeed.issue("Docs typo").labels("docs"));
    f.repo.add(IssueSeed.issue("Old crash").labels("bug").closed());
    f.github.repo("octo", "other").add(IssueSeed.issue("Crash elsewhere").labels("bug"));

    SearchResult found = gh.searchIssues(f.target, "is:open label:bug", 10).orElseThrow();
    assertThat(found.totalCount()).isEqualTo(1);
    assertThat(found.items()).extracting(Issue::title).containsExactly("Crash on start");
    RecordedRequest search = f.github.requests("GET", "/search/issues").get(0);
    assertThat(URLDecoder.decode(search.query(), StandardCharsets.UTF_8))
        .contains("q=repo:octo/hello is:open label:bug");
  }

  @AppAndTokenMode
  void filesAreReadWithAnEtagAtARefAndTheDefaultBranchIsTheRepositorys(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.file(".github/agent.yml", "missions: [issue-triage]\n");
    f.repo.files().put("feature", ".github/agent.yml", "missions: []\n");
    String path = "/repos/octo/hello/contents/.github/agent.yml";

    Tagged<RepoFile> file =
        gh.getFile(f.target, ".github/agent.yml", Optional.empty(), Optional.empty())
            .orElseThrow()
            .orElseThrow();
    assertThat(file.value().text()).isEqualTo("missions: [issue-triage]\n");
    assertThat(file.value().path()).isEqualTo(".github/agent.yml");
    assertThat(file.etag()).isPresent();
    assertThat(
            gh.getFile(f.target, ".github/agent.yml", Optional.empty(), file.etag()).orElseThrow())
        .isEmpty();
    assertThat(f.github.requests("GET", path).get(1).status()).isEqualTo(304);
    assertThat(
            gh.getFile(f.target, ".github/agent.yml", Optional.of("feature"), Optional.empty())
                .orElseThrow()
                .orElseThrow()
                .value()
                .text())
        .isEqualTo("missions: []\n");
    assertThat(gh.getFile(f.target, "missing.yml", Optional.empty(), Optional.empty()))
        .isInstanceOf(GitHubResult.NotFound.class);

    f.github.repo("octo", "legacy", "trunk");
    assertThat(gh.defaultBranch(f.target).orElseThrow()).isEqualTo("main");
    assertThat(gh.defaultBranch(Repo.of("octo/legacy")).orElseThrow()).isEqualTo("trunk");
  }

  @AppAndTokenMode
  void aDirectoryIsListedWithAnEtagAndAFileIsNoDirectory(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo.file(".github/agent/missions/b.yml", "name: b\n");
    f.repo.file(".github/agent/missions/a.yml", "name: a\n");
    f.repo.file(".github/agent/missions/drafts/c.yml", "name: c\n");
    String dir = ".github/agent/missions";

    Tagged<List<RepoEntry>> listing =
        gh.listDirectory(f.target, dir, Optional.empty(), Optional.empty())
            .orElseThrow()
            .orElseThrow();
    assertThat(listing.value())
        .extracting(RepoEntry::path)
        .containsExactlyInAnyOrder(dir + "/a.yml", dir + "/b.yml", dir + "/drafts");
    RepoEntry a =
        listing.value().stream().filter(e -> e.name().equals("a.yml")).findFirst().orElseThrow();
    assertThat(a.isFile()).isTrue();
    assertThat(a.size()).isEqualTo(8);
    assertThat(a.sha())
        .isEqualTo(
            gh.getFile(f.target, a.path(), Optional.empty(), Optional.empty())
                .orElseThrow()
                .orElseThrow()
                .value()
                .sha());
    assertThat(listing.value().stream().filter(e -> e.name().equals("drafts")))
        .singleElement()
        .extracting(RepoEntry::type)
        .isEqualTo("dir");

    assertThat(gh.listDirectory(f.target, dir, Optional.empty(), listing.etag()).orElseThrow())
        .as("an unchanged directory is GitHub's 304")
        .isEmpty();
    List<RecordedRequest> reads = f.github.requests("GET", "/repos/octo/hello/contents/" + dir);
    assertThat(reads.get(1).header("if-none-match")).isEqualTo(listing.etag());
    assertThat(reads.get(1).status()).isEqualTo(304);

    assertThat(
            gh.listDirectory(f.target, dir + "/a.yml", Optional.empty(), Optional.empty())
                .describe())
        .contains("not a directory");
    assertThat(gh.listDirectory(f.target, "nowhere", Optional.empty(), Optional.empty()))
        .isInstanceOf(GitHubResult.NotFound.class);
  }

  @AppAndTokenMode
  void roleNameTellsTriageFromReadAndMaintainFromWrite(Mode mode) {
    GitHubGateway gh = start(mode);
    f.repo
        .role("tri", "triage")
        .role("rea", "read")
        .role("mai", "maintain")
        .role("wri", "write")
        .role("adm", "admin")
        .customRole("sec", "security-reviewer", "write");

    assertThat(gh.permission(f.target, "tri").orElseThrow())
        .isEqualTo(new Permission("triage", "read"));
    assertThat(gh.permission(f.target, "rea").orElseThrow())
        .isEqualTo(new Permission("read", "read"));
    assertThat(gh.permission(f.target, "mai").orElseThrow())
        .isEqualTo(new Permission("maintain", "write"));
    assertThat(gh.permission(f.target, "wri").orElseThrow())
        .isEqualTo(new Permission("write", "write"));
    assertThat(gh.permission(f.target, "adm").orElseThrow())
        .isEqualTo(new Permission("admin", "admin"));
    Permission custom = gh.permission(f.target, "sec").orElseThrow();
    assertThat(custom).isEqualTo(new Permission("security-reviewer", "write"));
    assertThat(custom.hasAccess()).isTrue();
    Permission stranger = gh.permission(f.target, "mallory").orElseThrow();
    assertThat(stranger).isEqualTo(Permission.NONE);
    assertThat(stranger.hasAccess()).isFalse();
    assertThat(
            f.github
                .requests("GET", "/repos/octo/hello/collaborators/mallory/permission")
                .get(0)
                .status())
        .isEqualTo(404);
  }
}
