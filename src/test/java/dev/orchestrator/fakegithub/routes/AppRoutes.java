package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.auth.Caller;
import dev.orchestrator.fakegithub.auth.TestKeys;
import dev.orchestrator.fakegithub.auth.Tokens;
import dev.orchestrator.fakegithub.auth.Tokens.InstallationToken;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Pages;
import dev.orchestrator.fakegithub.http.RateLimits;
import dev.orchestrator.fakegithub.http.RateLimits.Snapshot;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Installation;
import dev.orchestrator.fakegithub.state.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's own routes: identity, installations, tokens, the user, rate limit, manifests. */
final class AppRoutes {
  private final World world;
  private final Views views;
  private final AppViews apps;
  private final Tokens tokens;
  private final RateLimits limits;
  private final TestKeys keys;
  private final String webhookSecret;

  AppRoutes(
      World world,
      Views views,
      AppViews apps,
      Tokens tokens,
      RateLimits limits,
      TestKeys keys,
      String webhookSecret) {
    this.world = world;
    this.views = views;
    this.apps = apps;
    this.tokens = tokens;
    this.limits = limits;
    this.keys = keys;
    this.webhookSecret = webhookSecret;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/app", Auth.APP, this::app),
        Route.get("/app/installations", Auth.APP, this::installations),
        Route.get("/app/installations/{installation_id}", Auth.APP, this::installation),
        Route.get("/repos/{owner}/{repo}/installation", Auth.APP, this::repoInstallation),
        Route.post(
            "/app/installations/{installation_id}/access_tokens", Auth.APP, this::accessToken),
        Route.get("/user", Auth.TOKEN, this::user),
        Route.get("/rate_limit", Auth.ANY, this::rateLimit),
        Route.post("/app-manifests/{code}/conversions", Auth.NONE, this::manifest));
  }

  private Reply app(Call call) {
    return Reply.json(200, apps.app(Views.template(call, 200), call.links()));
  }

  private Reply installations(Call call) {
    Pages.Page<Installation> page = Pages.of(world.installations(), call);
    ArrayNode out = Views.NODES.arrayNode();
    page.items()
        .forEach(i -> out.add(apps.installation(Views.template(call, 200), i, call.links())));
    return page.decorate(Reply.json(200, out));
  }

  private Reply installation(Call call) {
    return world
        .installation(call.id("installation_id"))
        .map(i -> Reply.json(200, apps.installation(Views.template(call, 200), i, call.links())))
        .orElseGet(() -> Errors.notFound(call.docs()));
  }

  private Reply repoInstallation(Call call) {
    Optional<FakeRepo> repo = world.findRepo(call.owner(), call.repo());
    Optional<Installation> installation =
        repo.flatMap(r -> world.installationFor(r.owner().login(), r.name()));
    return installation
        .map(i -> Reply.json(200, apps.installation(Views.template(call, 200), i, call.links())))
        .orElseGet(() -> Errors.notFound(call.docs()));
  }

  private Reply accessToken(Call call) {
    Optional<Installation> installation = world.installation(call.id("installation_id"));
    if (installation.isEmpty()) {
      return Errors.notFound(call.docs());
    }
    JsonNode body = call.body() == null ? Views.NODES.objectNode() : call.body();
    Map<String, String> permissions = new LinkedHashMap<>(world.app().permissions());
    if (body.path("permissions").isObject()) {
      permissions.clear();
      body.get("permissions")
          .properties()
          .forEach(e -> permissions.put(e.getKey(), e.getValue().asText()));
    }
    InstallationToken token = tokens.mint(installation.get().id(), permissions);
    ObjectNode out = Views.template(call, 201);
    out.put("token", token.token());
    Views.putTime(out, "expires_at", token.expiresAt());
    out.set("permissions", AppViews.permissions(token.permissions()));
    out.put("repository_selection", installation.get().repositorySelection());
    out.remove("repositories"); // listed only when the request names repositories
    out.remove("single_file");
    out.remove("has_multiple_single_files");
    out.remove("single_file_paths");
    return Reply.json(201, out);
  }

  private Reply user(Call call) {
    if (!(call.caller() instanceof Caller.PersonalCaller personal)) {
      return Errors.notAccessibleByIntegration(call.docs());
    }
    ObjectNode out =
        Views.template(call, 200, "response-with-public-and-private-profile-information");
    out.setAll(views.user(personal.user(), call.links()));
    return Reply.json(200, out);
  }

  private Reply rateLimit(Call call) {
    String key = call.caller().rateKey();
    ObjectNode out = Views.template(call, 200);
    ObjectNode resources = (ObjectNode) out.get("resources");
    for (String resource : new String[] {"core", "search"}) {
      resources.set(resource, rate(limits.peek(key, resource)));
    }
    out.set("rate", rate(limits.peek(key, "core")));
    return Reply.json(200, out);
  }

  private static ObjectNode rate(Snapshot s) {
    ObjectNode node = Views.NODES.objectNode();
    node.put("limit", s.limit());
    node.put("used", s.used());
    node.put("remaining", s.remaining());
    node.put("reset", s.reset().getEpochSecond());
    return node;
  }

  private Reply manifest(Call call) {
    if (!world.redeemManifestCode(call.param("code"))) {
      return Errors.notFound(call.docs());
    }
    ObjectNode out = apps.app(Views.template(call, 201), call.links());
    out.put("client_secret", "fake-client-secret-" + world.app().id());
    out.put("webhook_secret", webhookSecret);
    out.put("pem", keys.pkcs1Pem());
    return Reply.json(201, out);
  }
}
