package dev.orchestrator.fakegithub.routes;

import dev.orchestrator.fakegithub.auth.TestKeys;
import dev.orchestrator.fakegithub.auth.Tokens;
import dev.orchestrator.fakegithub.http.RateLimits;
import dev.orchestrator.fakegithub.http.RequestLog;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.state.World;
import java.util.ArrayList;
import java.util.List;

/** The fake's whole route table, area by area. */
public final class GitHubRoutes {
  private GitHubRoutes() {}

  /**
   * Every route, wired to the fake's state.
   *
   * @param webhookSecret what an app-manifest conversion hands out as the webhook secret
   */
  public static List<Route> all(
      World world,
      OpenApiIndex index,
      Tokens tokens,
      RateLimits limits,
      TestKeys keys,
      RequestLog log,
      String webhookSecret) {
    Views views = new Views(index);
    AppViews apps = new AppViews(world, views, index);
    IssueViews issues = new IssueViews(views);
    CommentViews comments = new CommentViews(views, apps);
    RepoViews repos = new RepoViews(views);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new AppRoutes(world, views, apps, tokens, limits, keys, webhookSecret).routes());
    routes.addAll(new DeliveryRoutes(world).routes());
    routes.addAll(new RepoRoutes(world, views, repos).routes());
    // literal segments first: ".../issues/comments/{id}" before ".../issues/{issue_number}"
    routes.addAll(new CommentRoutes(world, comments).routes());
    routes.addAll(new ReactionRoutes(world, comments).routes());
    routes.addAll(new IssueRoutes(world, issues, log).routes());
    routes.addAll(new PullRoutes(world, views, issues, repos).routes());
    routes.addAll(new CheckRunRoutes(world, apps).routes());
    routes.addAll(new SearchRoutes(world, issues, log).routes());
    return List.copyOf(routes);
  }
}
