package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.ReplyException;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.CheckRun;
import dev.orchestrator.fakegithub.state.CheckRun.Action;
import dev.orchestrator.fakegithub.state.CheckRun.Output;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.World;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Check runs: create and update. A {@code conclusion} completes the run, as GitHub documents;
 * {@code status: completed} without one is the 422 the description's schema demands on update.
 */
final class CheckRunRoutes {
  private final World world;
  private final AppViews apps;

  CheckRunRoutes(World world, AppViews apps) {
    this.world = world;
    this.apps = apps;
  }

  List<Route> routes() {
    return List.of(
        Route.post("/repos/{owner}/{repo}/check-runs", Auth.TOKEN, this::create),
        Route.patch("/repos/{owner}/{repo}/check-runs/{check_run_id}", Auth.TOKEN, this::update));
  }

  private Reply create(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    onlyTheApp(call);
    JsonNode b = call.body();
    CheckRun run =
        repo.checkRuns()
            .create(
                id ->
                    apply(
                        new CheckRun(
                            id,
                            b.get("name").asText(),
                            b.get("head_sha").asText(),
                            "queued",
                            null,
                            null,
                            null,
                            null,
                            null,
                            Output.NONE,
                            List.of()),
                        b,
                        call.now()));
    return Reply.json(201, render(Views.template(call, 201), run, repo, call.links()));
  }

  private Reply update(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    onlyTheApp(call);
    JsonNode b = call.body() == null ? Views.NODES.objectNode() : call.body();
    CheckRun run =
        repo.checkRuns()
            .update(call.id("check_run_id"), r -> apply(r, b, call.now()))
            .orElseThrow(() -> new ReplyException(Errors.notFound(call.docs())));
    return Reply.json(200, render(Views.template(call, 200), run, repo, call.links()));
  }

  /** Check runs are written by GitHub Apps only; a personal token gets GitHub's 403. */
  private void onlyTheApp(Call call) {
    if (call.caller().installation().isEmpty()) {
      throw new ReplyException(
          Errors.error(403, "You must authenticate via a GitHub App.", call.docs()));
    }
  }

  private static CheckRun apply(CheckRun r, JsonNode b, Instant now) {
    String conclusion = text(b, "conclusion", r.conclusion());
    String status =
        conclusion != null && b.has("conclusion") ? "completed" : text(b, "status", r.status());
    Instant started = b.has("started_at") ? time(b.get("started_at")) : r.startedAt();
    if (started == null && !"queued".equals(status)) {
      started = now;
    }
    Instant completed = b.has("completed_at") ? time(b.get("completed_at")) : r.completedAt();
    if (completed == null && "completed".equals(status)) {
      completed = now;
    }
    JsonNode o = b.path("output");
    Output output =
        o.isObject()
            ? new Output(
                text(o, "title", r.output().title()),
                text(o, "summary", r.output().summary()),
                text(o, "text", r.output().text()))
            : r.output();
    List<Action> actions = r.actions();
    if (b.path("actions").isArray()) {
      List<Action> given = new ArrayList<>();
      b.get("actions")
          .forEach(
              a ->
                  given.add(
                      new Action(
                          a.get("label").asText(),
                          a.get("description").asText(),
                          a.get("identifier").asText())));
      actions = given;
    }
    return new CheckRun(
        r.id(),
        text(b, "name", r.name()),
        r.headSha(),
        status,
        conclusion,
        text(b, "details_url", r.detailsUrl()),
        text(b, "external_id", r.externalId()),
        started,
        completed,
        output,
        actions);
  }

  private ObjectNode render(ObjectNode base, CheckRun run, FakeRepo repo, Links links) {
    String path = "/repos/" + repo.fullName() + "/check-runs/" + run.id();
    base.put("id", run.id());
    base.put("head_sha", run.headSha());
    base.put("node_id", Views.nodeId("CheckRun", run.id()));
    Views.putText(base, "external_id", run.externalId());
    base.put("url", links.api(path));
    base.put("html_url", links.web("/" + repo.fullName() + "/runs/" + run.id()));
    Views.putText(base, "details_url", run.detailsUrl());
    base.put("status", run.status());
    Views.putText(base, "conclusion", run.conclusion());
    Views.putTime(base, "started_at", run.startedAt());
    Views.putTime(base, "completed_at", run.completedAt());
    ObjectNode output = base.putObject("output");
    Views.putText(output, "title", run.output().title());
    Views.putText(output, "summary", run.output().summary());
    Views.putText(output, "text", run.output().text());
    output.put("annotations_count", 0);
    output.put("annotations_url", links.api(path + "/annotations"));
    base.put("name", run.name());
    base.set("app", apps.app(links));
    ArrayNode pulls = base.putArray("pull_requests");
    for (Issue i : repo.issues().all()) {
      if (i.isPullRequest() && i.pull().headSha().equals(run.headSha())) {
        ObjectNode pr = pulls.addObject();
        pr.put("url", links.api("/repos/" + repo.fullName() + "/pulls/" + i.number()));
        pr.put("id", i.id());
        pr.put("number", i.number());
        ref(pr.putObject("head"), i.pull().headRef(), i.pull().headSha(), repo, links);
        ref(
            pr.putObject("base"),
            i.pull().baseRef(),
            RepoViews.fakeSha(repo.fullName() + "@" + i.pull().baseRef()),
            repo,
            links);
      }
    }
    return base;
  }

  private static void ref(ObjectNode node, String ref, String sha, FakeRepo repo, Links links) {
    node.put("ref", ref);
    node.put("sha", sha);
    ObjectNode r = node.putObject("repo");
    r.put("id", repo.id());
    r.put("url", links.api("/repos/" + repo.fullName()));
    r.put("name", repo.name());
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : fallback;
  }

  private static Instant time(JsonNode node) {
    return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
  }
}
