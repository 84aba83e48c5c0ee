package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.http.Pages;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.ReplyException;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.PullRequest;
import dev.orchestrator.fakegithub.state.PullRequest.PullFile;
import dev.orchestrator.fakegithub.state.World;
import java.util.List;

/** Pull requests: get one, list its files. */
final class PullRoutes {
  private static final String PULL = "/repos/{owner}/{repo}/pulls/{pull_number}";

  private final World world;
  private final Views views;
  private final IssueViews issueViews;
  private final RepoViews repoViews;

  PullRoutes(World world, Views views, IssueViews issueViews, RepoViews repoViews) {
    this.world = world;
    this.views = views;
    this.issueViews = issueViews;
    this.repoViews = repoViews;
  }

  List<Route> routes() {
    return List.of(
        Route.get(PULL, Auth.TOKEN, this::get),
        Route.get(PULL + "/files", Auth.TOKEN, this::files));
  }

  private Issue pull(FakeRepo repo, Call call) {
    Issue issue = Lookup.issue(repo, call, "pull_number");
    if (!issue.isPullRequest()) {
      throw new ReplyException(Errors.notFound(call.docs()));
    }
    return issue;
  }

  private Reply get(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue issue = pull(repo, call);
    PullRequest pr = issue.pull();
    Links links = call.links();
    ObjectNode base = Views.template(call, 200);
    String api = "/repos/" + repo.fullName();
    String web = "/" + repo.fullName() + "/pull/" + issue.number();
    base.put("url", links.api(api + "/pulls/" + issue.number()));
    base.put("id", issue.id());
    base.put("node_id", Views.nodeId("PullRequest", issue.id()));
    base.put("html_url", links.web(web));
    base.put("diff_url", links.web(web + ".diff"));
    base.put("patch_url", links.web(web + ".patch"));
    base.put("issue_url", links.api(api + "/issues/" + issue.number()));
    base.put("commits_url", links.api(api + "/pulls/" + issue.number() + "/commits"));
    base.put("review_comments_url", links.api(api + "/pulls/" + issue.number() + "/comments"));
    base.put("review_comment_url", links.api(api + "/pulls/comments{/number}"));
    base.put("comments_url", links.api(api + "/issues/" + issue.number() + "/comments"));
    base.put("statuses_url", links.api(api + "/statuses/" + pr.headSha()));
    base.put("number", issue.number());
    base.put("state", issue.state());
    base.put("locked", false);
    base.put("title", issue.title());
    base.set("user", views.user(issue.author(), links));
    Views.putText(base, "body", issue.body());
    base.set("labels", issueViews.labels(issue, repo, links));
    base.putNull("milestone");
    base.putNull("active_lock_reason");
    Views.putTime(base, "created_at", issue.createdAt());
    Views.putTime(base, "updated_at", issue.updatedAt());
    Views.putTime(base, "closed_at", issue.closedAt());
    base.putNull("merged_at");
    base.putNull("merge_commit_sha");
    ArrayNode assignees = base.putArray("assignees");
    issue.assignees().forEach(a -> assignees.add(views.user(repo.user(a), links)));
    if (issue.assignees().isEmpty()) {
      base.putNull("assignee");
    } else {
      base.set("assignee", assignees.get(0).deepCopy());
    }
    base.putArray("requested_reviewers");
    base.putArray("requested_teams");
    branch((ObjectNode) base.get("head"), repo, pr.headRef(), pr.headSha(), links);
    branch(
        (ObjectNode) base.get("base"),
        repo,
        pr.baseRef(),
        RepoViews.fakeSha(repo.fullName() + "@" + pr.baseRef()),
        links);
    ObjectNode ls = base.putObject("_links");
    ls.putObject("self").put("href", links.api(api + "/pulls/" + issue.number()));
    ls.putObject("html").put("href", links.web(web));
    ls.putObject("issue").put("href", links.api(api + "/issues/" + issue.number()));
    ls.putObject("comments")
        .put("href", links.api(api + "/issues/" + issue.number() + "/comments"));
    ls.putObject("review_comments")
        .put("href", links.api(api + "/pulls/" + issue.number() + "/comments"));
    ls.putObject("review_comment").put("href", links.api(api + "/pulls/comments{/number}"));
    ls.putObject("commits").put("href", links.api(api + "/pulls/" + issue.number() + "/commits"));
    ls.putObject("statuses").put("href", links.api(api + "/statuses/" + pr.headSha()));
    base.put("author_association", IssueViews.association(repo, issue.author()));
    base.putNull("auto_merge");
    base.put("draft", pr.draft());
    base.put("merged", false);
    base.putNull("merged_by");
    base.put("comments", repo.comments().on(issue.number()).size());
    base.put("additions", pr.files().stream().mapToInt(PullFile::additions).sum());
    base.put("deletions", pr.files().stream().mapToInt(PullFile::deletions).sum());
    base.put("changed_files", pr.files().size());
    return Reply.json(200, base);
  }

  private void branch(ObjectNode node, FakeRepo repo, String ref, String sha, Links links) {
    node.put("label", repo.owner().login() + ":" + ref);
    node.put("ref", ref);
    node.put("sha", sha);
    node.set("user", views.user(repo.owner(), links));
    node.set("repo", repoViews.repository((ObjectNode) node.path("repo"), repo, links));
  }

  private Reply files(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue issue = pull(repo, call);
    Pages.Page<PullFile> page = Pages.of(issue.pull().files(), call);
    ArrayNode out = Views.NODES.arrayNode();
    String sha = issue.pull().headSha();
    Links links = call.links();
    for (PullFile f : page.items()) {
      ObjectNode file = Views.template(call, 200);
      file.put("sha", RepoViews.fakeSha(repo.fullName() + "@" + sha + ":" + f.filename()));
      file.put("filename", f.filename());
      file.put("status", f.status());
      file.put("additions", f.additions());
      file.put("deletions", f.deletions());
      file.put("changes", f.additions() + f.deletions());
      String path = Paths.encodePath(f.filename());
      file.put("blob_url", links.web("/" + repo.fullName() + "/blob/" + sha + "/" + path));
      file.put("raw_url", links.web("/" + repo.fullName() + "/raw/" + sha + "/" + path));
      file.put(
          "contents_url",
          links.api("/repos/" + repo.fullName() + "/contents/" + path + "?ref=" + sha));
      if (f.patch() == null) {
        file.remove("patch");
      } else {
        file.put("patch", f.patch());
      }
      out.add(file);
    }
    return page.decorate(Reply.json(200, out));
  }
}
