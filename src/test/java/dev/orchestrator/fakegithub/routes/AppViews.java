package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.state.Actor;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.fakegithub.state.FakeApp;
import dev.orchestrator.fakegithub.state.Installation;
import dev.orchestrator.fakegithub.state.World;
import java.util.Map;

/** App-shaped JSON: the app, installations, webhook deliveries. */
final class AppViews {
  private final World world;
  private final Views views;
  private final JsonNode appTemplate;

  AppViews(World world, Views views, OpenApiIndex index) {
    this.world = world;
    this.views = views;
    this.appTemplate = index.get("GET", "/app").example(200);
  }

  /** The app object (also embedded in check runs and app-made comments). */
  ObjectNode app(Links links) {
    return app((ObjectNode) links.rewrite(appTemplate), links);
  }

  /** Overlays the app on an app-shaped template. */
  ObjectNode app(ObjectNode base, Links links) {
    FakeApp app = world.app();
    base.put("id", app.id());
    base.put("slug", app.slug());
    base.put("client_id", app.clientId());
    base.put("node_id", Views.nodeId("Integration", app.id()));
    base.set("owner", views.user(owner(app), links));
    base.put("name", app.name());
    base.put("html_url", links.web("/apps/" + app.slug()));
    base.set("permissions", permissions(app.permissions()));
    ArrayNode events = base.putArray("events");
    app.events().forEach(events::add);
    return base;
  }

  /** Overlays an installation on an installation-shaped template. */
  ObjectNode installation(ObjectNode base, Installation installation, Links links) {
    FakeApp app = world.app();
    boolean org = "Organization".equals(installation.accountType());
    Actor account =
        org
            ? world.actors().organization(installation.account())
            : world.actors().user(installation.account());
    base.put("id", installation.id());
    base.set("account", views.user(account, links));
    base.put("repository_selection", installation.repositorySelection());
    base.put(
        "access_tokens_url",
        links.api("/app/installations/" + installation.id() + "/access_tokens"));
    base.put("repositories_url", links.api("/installation/repositories"));
    base.put(
        "html_url",
        links.web(
            (org ? "/organizations/" + installation.account() : "")
                + "/settings/installations/"
                + installation.id()));
    base.put("app_id", app.id());
    base.put("client_id", app.clientId());
    base.put("target_id", account.id());
    base.put("target_type", installation.accountType());
    base.set("permissions", permissions(app.permissions()));
    ArrayNode events = base.putArray("events");
    app.events().forEach(events::add);
    base.putNull("single_file_name");
    base.put("has_multiple_single_files", false);
    base.putArray("single_file_paths");
    base.put("app_slug", app.slug());
    base.putNull("suspended_at");
    base.putNull("suspended_by");
    return base;
  }

  /** Overlays a delivery on a delivery-shaped template. */
  static ObjectNode delivery(ObjectNode base, Delivery d) {
    base.put("id", d.id());
    base.put("guid", d.guid());
    Views.putTime(base, "delivered_at", d.deliveredAt());
    base.put("redelivery", d.redelivery());
    base.put("duration", d.duration());
    base.put("status", d.status());
    base.put("status_code", d.statusCode());
    base.put("event", d.event());
    Views.putText(base, "action", d.action());
    if (d.installationId() == null) {
      base.putNull("installation_id");
    } else {
      base.put("installation_id", d.installationId());
    }
    if (d.repositoryId() == null) {
      base.putNull("repository_id");
    } else {
      base.put("repository_id", d.repositoryId());
    }
    base.putNull("throttled_at");
    return base;
  }

  static ObjectNode permissions(Map<String, String> permissions) {
    ObjectNode out = Views.NODES.objectNode();
    permissions.forEach(out::put);
    return out;
  }

  private Actor owner(FakeApp app) {
    return world.installations().stream()
            .anyMatch(
                i ->
                    i.account().equalsIgnoreCase(app.owner())
                        && "Organization".equals(i.accountType()))
        ? world.actors().organization(app.owner())
        : world.actors().user(app.owner());
  }
}
