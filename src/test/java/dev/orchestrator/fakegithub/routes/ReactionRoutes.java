package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Pages;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Reaction;
import dev.orchestrator.fakegithub.state.Reactions;
import dev.orchestrator.fakegithub.state.World;
import java.util.List;
import java.util.Optional;

/** Reactions on issue comments: list (filtered by content), create, delete. */
final class ReactionRoutes {
  private static final String ALL = "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions";

  private final World world;
  private final CommentViews views;

  ReactionRoutes(World world, CommentViews views) {
    this.world = world;
    this.views = views;
  }

  List<Route> routes() {
    return List.of(
        Route.get(ALL, Auth.TOKEN, this::list),
        Route.post(ALL, Auth.TOKEN, this::create),
        Route.delete(ALL + "/{reaction_id}", Auth.TOKEN, this::delete));
  }

  private Reply list(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Comment comment = Lookup.comment(repo, call);
    Optional<String> content = call.query("content");
    List<Reaction> reactions =
        repo.reactions().on(comment.id()).stream()
            .filter(r -> content.map(r.content()::equals).orElse(true))
            .toList();
    Pages.Page<Reaction> page = Pages.of(reactions, call);
    ArrayNode out = Views.NODES.arrayNode();
    page.items().forEach(r -> out.add(views.reaction(Views.template(call, 200), r, call.links())));
    return page.decorate(Reply.json(200, out));
  }

  private Reply create(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Comment comment = Lookup.comment(repo, call);
    Reactions.Added added =
        repo.reactions()
            .add(comment.id(), Lookup.author(world, call), call.body().get("content").asText());
    int status = added.created() ? 201 : 200;
    return Reply.json(
        status, views.reaction(Views.template(call, status), added.reaction(), call.links()));
  }

  private Reply delete(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Comment comment = Lookup.comment(repo, call);
    Lookup.author(world, call);
    if (!repo.reactions().delete(comment.id(), call.id("reaction_id"))) {
      return Errors.notFound(call.docs());
    }
    return Reply.empty(204);
  }
}
