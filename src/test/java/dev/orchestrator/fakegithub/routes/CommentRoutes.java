package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Pages;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.World;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Issue comments: list, create, get, edit. */
final class CommentRoutes {
  private static final String ON_ISSUE = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
  private static final String ONE = "/repos/{owner}/{repo}/issues/comments/{comment_id}";

  private final World world;
  private final CommentViews views;

  CommentRoutes(World world, CommentViews views) {
    this.world = world;
    this.views = views;
  }

  List<Route> routes() {
    return List.of(
        Route.get(ON_ISSUE, Auth.TOKEN, this::list),
        Route.post(ON_ISSUE, Auth.TOKEN, this::create),
        Route.get(ONE, Auth.TOKEN, this::get),
        Route.patch(ONE, Auth.TOKEN, this::edit));
  }

  private Reply list(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue issue = Lookup.issue(repo, call, "issue_number");
    // a malformed "since" is already a recorded problem (QueryCheck); list everything then
    Instant since = call.query("since").flatMap(CommentRoutes::instant).orElse(Instant.MIN);
    List<Comment> comments =
        repo.comments().on(issue.number()).stream()
            .filter(c -> !c.updatedAt().isBefore(since))
            .toList();
    Pages.Page<Comment> page = Pages.of(comments, call);
    ArrayNode out = Views.NODES.arrayNode();
    page.items()
        .forEach(c -> out.add(views.comment(Views.template(call, 200), c, repo, call.links())));
    return page.decorate(Reply.json(200, out));
  }

  private static Optional<Instant> instant(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private Reply create(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue issue = Lookup.issue(repo, call, "issue_number");
    Comment comment =
        repo.comments()
            .add(issue.number(), Lookup.author(world, call), call.body().get("body").asText());
    repo.issues().update(issue.number(), i -> i.touched(call.now()));
    return Reply.json(201, views.comment(Views.template(call, 201), comment, repo, call.links()))
        .withHeader(
            "location",
            call.links().api("/repos/" + repo.fullName() + "/issues/comments/" + comment.id()));
  }

  private Reply get(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Comment comment = Lookup.comment(repo, call);
    return Reply.json(200, views.comment(Views.template(call, 200), comment, repo, call.links()));
  }

  private Reply edit(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Comment comment = Lookup.comment(repo, call);
    Lookup.author(world, call);
    Comment edited =
        repo.comments().edit(comment.id(), call.body().get("body").asText()).orElseThrow();
    return Reply.json(200, views.comment(Views.template(call, 200), edited, repo, call.links()));
  }
}
