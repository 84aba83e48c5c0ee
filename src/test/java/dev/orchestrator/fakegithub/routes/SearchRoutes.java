package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Pages;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.RequestLog;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code GET /search/issues} over the repositories the caller may see. */
final class SearchRoutes {
  private final World world;
  private final IssueViews views;
  private final RequestLog log;

  SearchRoutes(World world, IssueViews views, RequestLog log) {
    this.world = world;
    this.views = views;
    this.log = log;
  }

  List<Route> routes() {
    return List.of(Route.get("/search/issues", Auth.TOKEN, this::search));
  }

  private record Hit(FakeRepo repo, Issue issue) {}

  private Reply search(Call call) {
    String q = call.query("q").orElse("").trim();
    if (q.isEmpty()) {
      return Errors.validationFailed("Search", "q", "missing", call.docs());
    }
    SearchQuery query = new SearchQuery(q);
    query
        .unsupported()
        .forEach(
            u -> log.problem("search qualifier \"" + u + "\" is not modelled by the fake GitHub"));
    List<Hit> hits = new ArrayList<>();
    for (FakeRepo repo : world.repos()) {
      if (!query.covers(repo) || !call.caller().mayAccess(repo.owner().login(), repo.name())) {
        continue;
      }
      for (Issue issue : repo.issues().all()) {
        if (query.matches(repo, issue)) {
          hits.add(new Hit(repo, issue));
        }
      }
    }
    hits.sort(order(call));
    Pages.Page<Hit> page = Pages.of(hits, call);
    ObjectNode out = Views.template(call, 200, "default");
    out.put("total_count", hits.size());
    out.put("incomplete_results", false);
    ObjectNode itemTemplate = (ObjectNode) out.get("items").get(0);
    ArrayNode items = out.putArray("items");
    for (Hit hit : page.items()) {
      ObjectNode item = views.issue(itemTemplate.deepCopy(), hit.issue(), hit.repo(), call.links());
      item.put("score", 1.0);
      items.add(item);
    }
    return page.decorate(Reply.json(200, out));
  }

  /** {@code sort=created|updated} with {@code order}; otherwise oldest number first. */
  private Comparator<Hit> order(Call call) {
    String sort = call.query("sort").orElse("");
    Comparator<Hit> by =
        switch (sort) {
          case "created" -> Comparator.comparing(h -> h.issue().createdAt());
          case "updated" -> Comparator.comparing(h -> h.issue().updatedAt());
          case "" ->
              Comparator.comparing((Hit h) -> h.repo().fullName())
                  .thenComparing(h -> h.issue().number());
          default -> {
            log.problem("search sort \"" + sort + "\" is not modelled by the fake GitHub");
            yield Comparator.comparing(h -> h.issue().number());
          }
        };
    boolean ascending = sort.isEmpty() || call.query("order").orElse("desc").equals("asc");
    return ascending ? by : by.reversed();
  }
}
