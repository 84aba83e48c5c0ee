package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Reaction;

/** Comment and reaction JSON. */
final class CommentViews {
  private final Views views;
  private final AppViews apps;

  CommentViews(Views views, AppViews apps) {
    this.views = views;
    this.apps = apps;
  }

  /** Overlays {@code comment} on an issue-comment template. */
  ObjectNode comment(ObjectNode base, Comment comment, FakeRepo repo, Links links) {
    String repoPath = "/repos/" + repo.fullName();
    base.put("id", comment.id());
    base.put("node_id", Views.nodeId("IssueComment", comment.id()));
    base.put("url", links.api(repoPath + "/issues/comments/" + comment.id()));
    boolean pull =
        repo.issues().find(comment.issueNumber()).map(i -> i.isPullRequest()).orElse(false);
    base.put(
        "html_url",
        links.web(
            "/"
                + repo.fullName()
                + (pull ? "/pull/" : "/issues/")
                + comment.issueNumber()
                + "#issuecomment-"
                + comment.id()));
    base.put("body", comment.body());
    base.set("user", views.user(comment.author(), links));
    Views.putTime(base, "created_at", comment.createdAt());
    Views.putTime(base, "updated_at", comment.updatedAt());
    base.put("issue_url", links.api(repoPath + "/issues/" + comment.issueNumber()));
    base.put("author_association", IssueViews.association(repo, comment.author()));
    if (comment.author().isBot()) {
      base.set("performed_via_github_app", apps.app(links));
    } else {
      base.putNull("performed_via_github_app");
    }
    return base;
  }

  /** Overlays {@code reaction} on a reaction template. */
  ObjectNode reaction(ObjectNode base, Reaction reaction, Links links) {
    base.put("id", reaction.id());
    base.put("node_id", Views.nodeId("Reaction", reaction.id()));
    base.set("user", views.user(reaction.user(), links));
    base.put("content", reaction.content());
    Views.putTime(base, "created_at", reaction.createdAt());
    return base;
  }
}
