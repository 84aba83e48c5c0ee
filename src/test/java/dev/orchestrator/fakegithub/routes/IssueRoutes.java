package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Issues: list, get, create, edit, labels, assignees. */
final class IssueRoutes {
  private static final String ISSUE = "/repos/{owner}/{repo}/issues/{issue_number}";
  private static final Set<String> MODELLED_LIST_QUERY = Set.of("state", "per_page", "page");
  private static final Set<String> MODELLED_EDITS =
      Set.of("title", "body", "state", "state_reason", "labels", "assignees");

  private final World world;
  private final IssueViews views;
  private final RequestLog log;

  IssueRoutes(World world, IssueViews views, RequestLog log) {
    this.world = world;
    this.views = views;
    this.log = log;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/repos/{owner}/{repo}/issues", Auth.TOKEN, this::list),
        Route.get(ISSUE, Auth.TOKEN, this::get),
        Route.patch(ISSUE, Auth.TOKEN, this::edit),
        Route.post("/repos/{owner}/{repo}/issues", Auth.TOKEN, this::create),
        Route.post(ISSUE + "/labels", Auth.TOKEN, this::addLabels),
        Route.delete(ISSUE + "/labels/{name}", Auth.TOKEN, this::removeLabel),
        Route.post(ISSUE + "/assignees", Auth.TOKEN, this::addAssignees));
  }

  /**
   * Lists issues and pull requests (GitHub lists both here), newest first as GitHub's default
   * {@code sort=created&direction=desc}. Only {@code state} and paging are modelled; any other
   * parameter is a recorded problem.
   */
  private Reply list(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    call.query()
        .keySet()
        .forEach(
            name -> {
              if (!MODELLED_LIST_QUERY.contains(name)) {
                log.problem(
                    "query parameter \""
                        + name
                        + "\" of issues/list-for-repo is not modelled by the fake GitHub");
              }
            });
    String state = call.query("state").orElse("open");
    List<Issue> matching =
        repo.issues().all().stream()
            .filter(i -> state.equals("all") || state.equals(i.state()))
            .sorted(java.util.Comparator.comparing(Issue::number).reversed())
            .toList();
    Pages.Page<Issue> page = Pages.of(matching, call);
    ArrayNode out = Views.NODES.arrayNode();
    page.items()
        .forEach(i -> out.add(views.issue(Views.template(call, 200), i, repo, call.links())));
    return page.decorate(Reply.json(200, out));
  }

  private Reply get(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue issue = Lookup.issue(repo, call, "issue_number");
    return Reply.json(200, views.issue(Views.template(call, 200), issue, repo, call.links()));
  }

  private Reply create(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    JsonNode body = call.body();
    Issue issue =
        repo.issues()
            .open(
                Lookup.author(world, call),
                body.get("title").asText(),
                body.path("body").isTextual() ? body.get("body").asText() : null,
                names(body.path("labels"), "name"),
                names(body.path("assignees"), "login"));
    unmodelled(call, Set.of("title", "body", "labels", "assignees"));
    return Reply.json(201, views.issue(Views.template(call, 201), issue, repo, call.links()));
  }

  private Reply edit(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue current = Lookup.issue(repo, call, "issue_number");
    Lookup.author(world, call);
    JsonNode body = call.body() == null ? Views.NODES.objectNode() : call.body();
    unmodelled(call, MODELLED_EDITS);
    Issue updated =
        repo.issues()
            .update(
                current.number(),
                i -> {
                  Issue next =
                      i.edited(
                          body.has("title") ? body.get("title").asText() : i.title(),
                          body.has("body") ? textOrNull(body.get("body")) : i.body(),
                          body.has("labels")
                              ? repo.issues().canonical(names(body.get("labels"), "name"))
                              : i.labels(),
                          body.has("assignees")
                              ? names(body.get("assignees"), "login")
                              : i.assignees(),
                          call.now());
                  if (body.has("state")) {
                    next = next.withState(body.get("state").asText(), reason(body), call.now());
                  }
                  return next;
                })
            .orElseThrow();
    return Reply.json(200, views.issue(Views.template(call, 200), updated, repo, call.links()));
  }

  private Reply addLabels(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue current = Lookup.issue(repo, call, "issue_number");
    Lookup.author(world, call);
    List<String> merged = new ArrayList<>(current.labels());
    merged.addAll(names(call.body() == null ? null : call.body().path("labels"), "name"));
    Issue updated =
        repo.issues()
            .update(
                current.number(),
                i ->
                    i.edited(
                        i.title(),
                        i.body(),
                        repo.issues().canonical(merged),
                        i.assignees(),
                        call.now()))
            .orElseThrow();
    return Reply.json(200, views.labels(updated, repo, call.links()));
  }

  private Reply removeLabel(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue current = Lookup.issue(repo, call, "issue_number");
    Lookup.author(world, call);
    String name = call.param("name").toLowerCase(Locale.ROOT);
    List<String> kept =
        current.labels().stream().filter(l -> !l.toLowerCase(Locale.ROOT).equals(name)).toList();
    if (kept.size() == current.labels().size()) {
      return Errors.error(404, "Label does not exist", call.docs());
    }
    Issue updated =
        repo.issues()
            .update(
                current.number(),
                i -> i.edited(i.title(), i.body(), kept, i.assignees(), call.now()))
            .orElseThrow();
    return Reply.json(200, views.labels(updated, repo, call.links()));
  }

  private Reply addAssignees(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Issue current = Lookup.issue(repo, call, "issue_number");
    Lookup.author(world, call);
    List<String> merged = new ArrayList<>(current.assignees());
    for (String login :
        names(call.body() == null ? null : call.body().path("assignees"), "login")) {
      if (merged.stream().noneMatch(login::equalsIgnoreCase)) {
        merged.add(login);
      }
    }
    Issue updated =
        repo.issues()
            .update(
                current.number(),
                i -> i.edited(i.title(), i.body(), i.labels(), merged, call.now()))
            .orElseThrow();
    return Reply.json(201, views.issue(Views.template(call, 201), updated, repo, call.links()));
  }

  /** Strings, or objects' {@code field}, of a JSON array (missing: none). */
  static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode item : (ArrayNode) array) {
        out.add(item.isObject() ? item.path(field).asText() : item.asText());
      }
    }
    return out;
  }

  private static String reason(JsonNode body) {
    JsonNode reason = body.path("state_reason");
    return reason.isTextual() ? reason.asText() : null;
  }

  private static String textOrNull(JsonNode node) {
    return node.isNull() ? null : node.asText();
  }

  /** Fields the description allows but the fake does not model fail the test, not vanish. */
  private void unmodelled(Call call, Set<String> modelled) {
    if (call.body() == null) {
      return;
    }
    call.body()
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!modelled.contains(field)) {
                log.problem(
                    "field \""
                        + field
                        + "\" of "
                        + call.operation().operationId()
                        + " is not modelled by the fake GitHub; extend it before relying on it");
              }
            });
  }
}
