package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.state.Actor;
import dev.orchestrator.fakegithub.state.Label;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The pieces every response is built from: the operation's example from GitHub's description (URLs
 * moved to the fake), overlaid with the fake's state. Users and labels are shared shapes.
 */
final class Views {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode userTemplate;
  private final ObjectNode labelTemplate;

  Views(OpenApiIndex index) {
    JsonNode issue = index.get("GET", "/repos/{owner}/{repo}/issues/{issue_number}").example(200);
    this.userTemplate = (ObjectNode) issue.get("user");
    this.labelTemplate = (ObjectNode) issue.get("labels").get(0);
  }

  /** The call's operation example for {@code status}, rewritten; an array's first element. */
  static ObjectNode template(Call call, int status) {
    JsonNode example = call.operation().example(status);
    JsonNode single = example.isArray() ? example.get(0) : example;
    return (ObjectNode) call.links().rewrite(single);
  }

  /** A named object example of the call's operation, rewritten. */
  static ObjectNode template(Call call, int status, String name) {
    return (ObjectNode) example(call, status, name);
  }

  /** A named example of the call's operation (object or array), rewritten. */
  static JsonNode example(Call call, int status, String name) {
    return call.links().rewrite(call.operation().example(status, name));
  }

  /** A user object for {@code actor}. */
  ObjectNode user(Actor actor, Links links) {
    ObjectNode user = (ObjectNode) links.rewrite(userTemplate);
    String login = actor.login();
    user.put("login", login);
    user.put("id", actor.id());
    user.put("node_id", nodeId(actor.isBot() ? "Bot" : actor.type(), actor.id()));
    user.put("avatar_url", links.web("/avatars/u/" + actor.id()));
    user.put("url", links.api("/users/" + login));
    user.put(
        "html_url", actor.isBot() ? links.web("/apps/" + botSlug(login)) : links.web("/" + login));
    String base = "/users/" + login;
    user.put("followers_url", links.api(base + "/followers"));
    user.put("following_url", links.api(base + "/following{/other_user}"));
    user.put("gists_url", links.api(base + "/gists{/gist_id}"));
    user.put("starred_url", links.api(base + "/starred{/owner}{/repo}"));
    user.put("subscriptions_url", links.api(base + "/subscriptions"));
    user.put("organizations_url", links.api(base + "/orgs"));
    user.put("repos_url", links.api(base + "/repos"));
    user.put("events_url", links.api(base + "/events{/privacy}"));
    user.put("received_events_url", links.api(base + "/received_events"));
    user.put("type", actor.type());
    user.put("site_admin", false);
    return user;
  }

  /** A label object. */
  ObjectNode label(Label label, String repoFullName, Links links) {
    ObjectNode out = (ObjectNode) links.rewrite(labelTemplate);
    out.put("id", label.id());
    out.put("node_id", nodeId("Label", label.id()));
    out.put("url", links.api("/repos/" + repoFullName + "/labels/" + Paths.encode(label.name())));
    out.put("name", label.name());
    out.put("color", label.color());
    if (label.description() == null) {
      out.putNull("description");
    } else {
      out.put("description", label.description());
    }
    out.put("default", false);
    return out;
  }

  /** GitHub's legacy global node id: base64 of {@code 0<len>:<Type><id>}. */
  static String nodeId(String type, long id) {
    String raw = "0" + type.length() + ":" + type + id;
    return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** ISO-8601 in whole seconds, as GitHub writes times. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Puts a time, or null. */
  static void putTime(ObjectNode node, String field, Instant instant) {
    if (instant == null) {
      node.putNull(field);
    } else {
      node.put(field, time(instant));
    }
  }

  /** Puts a string, or null. */
  static void putText(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static String botSlug(String login) {
    return login.endsWith("[bot]") ? login.substring(0, login.length() - 5) : login;
  }
}
