package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** GitHub's JSON to our records. Field names follow GitHub's REST docs. */
final class Models {
  private Models() {}

  static Comment comment(JsonNode n) {
    return new Comment(
        n.path("id").asLong(),
        n.path("body").asText(""),
        n.path("user").path("login").asText(""),
        "Bot".equals(n.path("user").path("type").asText("")),
        instant(n.path("created_at")),
        instant(n.path("updated_at")),
        n.path("html_url").asText(""),
        n);
  }

  static Reaction reaction(JsonNode n) {
    return new Reaction(
        n.path("id").asLong(),
        n.path("content").asText(""),
        n.path("user").path("login").asText(""));
  }

  static PullRequestFile file(JsonNode n) {
    return new PullRequestFile(
        n.path("filename").asText(""),
        n.path("status").asText(""),
        n.path("additions").asInt(),
        n.path("deletions").asInt(),
        text(n.path("patch")),
        n);
  }

  static CheckRun checkRun(JsonNode n) {
    return new CheckRun(
        n.path("id").asLong(),
        n.path("name").asText(""),
        n.path("head_sha").asText(""),
        n.path("status").asText(""),
        text(n.path("conclusion")),
        n.path("html_url").asText(""),
        n);
  }

  static Permission permission(JsonNode n) {
    String legacy = n.path("permission").asText("none");
    return new Permission(n.path("role_name").asText(legacy), legacy);
  }

  static Installation installation(JsonNode n) {
    return new Installation(
        n.path("id").asLong(),
        n.path("account").path("login").asText(""),
        n.path("target_type").asText(""));
  }

  static WebhookDelivery delivery(JsonNode n) {
    return new WebhookDelivery(
        n.path("id").asLong(),
        n.path("guid").asText(""),
        instant(n.path("delivered_at")),
        n.path("redelivery").asBoolean(false),
        n.path("status").asText(""),
        n.path("status_code").asInt(),
        n.path("event").asText(""),
        text(n.path("action")),
        n.path("installation_id").isIntegralNumber()
            ? OptionalLong.of(n.path("installation_id").asLong())
            : OptionalLong.empty(),
        n.path("repository_id").isIntegralNumber()
            ? OptionalLong.of(n.path("repository_id").asLong())
            : OptionalLong.empty());
  }

  /** A file from the contents API; empty for a directory, symlink or submodule. */
  static Optional<RepoFile> repoFile(JsonNode n) {
    if (!"file".equals(n.path("type").asText()) || !"base64".equals(n.path("encoding").asText())) {
      return Optional.empty();
    }
    byte[] content = Base64.getMimeDecoder().decode(n.path("content").asText(""));
    return Optional.of(
        new RepoFile(n.path("path").asText(""), n.path("sha").asText(""), content, n));
  }

  static RepoEntry repoEntry(JsonNode n) {
    return new RepoEntry(
        n.path("type").asText(""),
        n.path("name").asText(""),
        n.path("path").asText(""),
        n.path("sha").asText(""),
        n.path("size").asLong(0));
  }

  static Issue issue(JsonNode n) {
    return new Issue(
        n.path("number").asInt(),
        n.path("title").asText(""),
        n.path("body").asText(""),
        n.path("state").asText(""),
        text(n.path("state_reason")),
        names(n.path("labels"), "name"),
        names(n.path("assignees"), "login"),
        n.path("user").path("login").asText(""),
        n.path("html_url").asText(""),
        n.has("pull_request"),
        n);
  }

  static PullRequest pullRequest(JsonNode n) {
    return new PullRequest(
        n.path("number").asInt(),
        n.path("title").asText(""),
        n.path("body").asText(""),
        n.path("state").asText(""),
        n.path("draft").asBoolean(false),
        n.path("merged").asBoolean(false),
        n.path("head").path("sha").asText(""),
        n.path("head").path("ref").asText(""),
        n.path("base").path("ref").asText(""),
        n.path("user").path("login").asText(""),
        n.path("html_url").asText(""),
        n);
  }

  static Labels labels(JsonNode array) {
    return new Labels(
        names(array, "name"), array.isArray() ? array : Json.MAPPER.createArrayNode());
  }

  /** The {@code field} of each object in {@code array} (or each string, as some payloads have). */
  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : array) {
      String name = item.isTextual() ? item.asText() : item.path(field).asText("");
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static Instant instant(JsonNode n) {
    try {
      return n.isTextual() ? Instant.parse(n.asText()) : Instant.EPOCH;
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
