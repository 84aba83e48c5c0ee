package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.state.Actor;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.Permission;
import java.util.Optional;

/** Issue-shaped JSON: issues, pull requests seen as issues, search items, labels on an issue. */
final class IssueViews {
  private final Views views;

  IssueViews(Views views) {
    this.views = views;
  }

  /** Overlays {@code issue} on an issue-shaped template (issue, or search item). */
  ObjectNode issue(ObjectNode base, Issue issue, FakeRepo repo, Links links) {
    String repoPath = "/repos/" + repo.fullName();
    String issuePath = repoPath + "/issues/" + issue.number();
    base.put("id", issue.id());
    base.put("node_id", Views.nodeId("Issue", issue.id()));
    base.put("url", links.api(issuePath));
    base.put("repository_url", links.api(repoPath));
    base.put("labels_url", links.api(issuePath + "/labels{/name}"));
    base.put("comments_url", links.api(issuePath + "/comments"));
    base.put("events_url", links.api(issuePath + "/events"));
    base.put(
        "html_url",
        links.web(
            "/"
                + repo.fullName()
                + (issue.isPullRequest() ? "/pull/" : "/issues/")
                + issue.number()));
    base.put("number", issue.number());
    base.put("state", issue.state());
    base.put("title", issue.title());
    Views.putText(base, "body", issue.body());
    base.set("user", views.user(issue.author(), links));
    base.set("labels", labels(issue, repo, links));
    ArrayNode assignees = base.putArray("assignees");
    issue.assignees().forEach(a -> assignees.add(views.user(repo.user(a), links)));
    if (issue.assignees().isEmpty()) {
      base.putNull("assignee");
    } else {
      base.set("assignee", assignees.get(0).deepCopy());
    }
    base.putNull("milestone");
    base.put("locked", false);
    base.putNull("active_lock_reason");
    base.put("comments", repo.comments().on(issue.number()).size());
    if (issue.isPullRequest()) {
      ObjectNode pr = base.putObject("pull_request");
      pr.put("url", links.api(repoPath + "/pulls/" + issue.number()));
      pr.put("html_url", links.web("/" + repo.fullName() + "/pull/" + issue.number()));
      pr.put("diff_url", links.web("/" + repo.fullName() + "/pull/" + issue.number() + ".diff"));
      pr.put("patch_url", links.web("/" + repo.fullName() + "/pull/" + issue.number() + ".patch"));
      pr.putNull("merged_at");
    } else {
      base.remove("pull_request");
    }
    Views.putTime(base, "closed_at", issue.closedAt());
    Views.putTime(base, "created_at", issue.createdAt());
    Views.putTime(base, "updated_at", issue.updatedAt());
    base.putNull("closed_by");
    base.put("author_association", association(repo, issue.author()));
    Views.putText(base, "state_reason", issue.stateReason());
    if (base.has("type")) {
      base.putNull("type"); // issue types are not modelled
    }
    return base;
  }

  /** The label objects of an issue. */
  ArrayNode labels(Issue issue, FakeRepo repo, Links links) {
    ArrayNode out = Views.NODES.arrayNode();
    for (String name : issue.labels()) {
      out.add(views.label(repo.labels().ensure(name), repo.fullName(), links));
    }
    return out;
  }

  /** GitHub's {@code author_association} as far as the fake knows it. */
  static String association(FakeRepo repo, Actor actor) {
    if (actor.login().equalsIgnoreCase(repo.owner().login())) {
      return "OWNER";
    }
    Optional<Permission> permission = repo.permissions().find(actor.login());
    boolean collaborator = permission.filter(p -> !"none".equals(p.permission())).isPresent();
    return collaborator ? "COLLABORATOR" : "NONE";
  }
}
