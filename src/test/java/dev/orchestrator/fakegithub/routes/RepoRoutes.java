package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Files;
import dev.orchestrator.fakegithub.state.Permission;
import dev.orchestrator.fakegithub.state.World;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Repositories: metadata, file contents, collaborator permission. */
final class RepoRoutes {
  private static final String FILE_EXAMPLE = "response-if-content-is-a-file";
  private static final String DIR_EXAMPLE = "response-if-content-is-a-directory";

  private final World world;
  private final Views views;
  private final RepoViews repoViews;

  RepoRoutes(World world, Views views, RepoViews repoViews) {
    this.world = world;
    this.views = views;
    this.repoViews = repoViews;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/repos/{owner}/{repo}", Auth.TOKEN, this::repository),
        Route.get("/repos/{owner}/{repo}/contents/{path}", Auth.TOKEN, this::contents),
        Route.get(
            "/repos/{owner}/{repo}/collaborators/{username}/permission",
            Auth.TOKEN,
            this::permission));
  }

  private Reply repository(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    return Reply.json(200, repoViews.repository(Views.template(call, 200), repo, call.links()));
  }

  private Reply contents(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    String ref = call.query("ref").orElse(repo.defaultBranch());
    String path = call.param("path");
    Optional<byte[]> file = repo.files().file(ref, path);
    if (file.isPresent()) {
      if (call.header("accept").filter(a -> a.contains("application/vnd.github.raw")).isPresent()) {
        return new Reply(
            200,
            "application/vnd.github.raw; charset=utf-8",
            new String(file.get(), StandardCharsets.UTF_8),
            Map.of());
      }
      ObjectNode base = Views.template(call, 200, FILE_EXAMPLE);
      return Reply.json(200, repoViews.file(base, repo, ref, path, file.get(), call.links()));
    }
    List<Files.Entry> entries = repo.files().list(ref, path);
    if (entries.isEmpty()) {
      return Errors.notFound(call.docs());
    }
    ObjectNode template = (ObjectNode) Views.example(call, 200, DIR_EXAMPLE).get(0);
    ArrayNode out = Views.NODES.arrayNode();
    for (Files.Entry e : entries) {
      out.add(repoViews.entry(template.deepCopy(), repo, ref, e, call.links()));
    }
    return Reply.json(200, out);
  }

  private Reply permission(Call call) {
    FakeRepo repo = Lookup.repo(world, call);
    Optional<Permission> permission = repo.permissions().find(call.param("username"));
    if (permission.isEmpty()) {
      // the fake knows only the users a test seeded; an unknown login is GitHub's 404
      return Errors.notFound(call.docs());
    }
    ObjectNode base = Views.template(call, 200);
    base.put("permission", permission.get().permission());
    base.put("role_name", permission.get().roleName());
    base.set("user", views.user(repo.user(permission.get().login()), call.links()));
    return Reply.json(200, base);
  }
}
