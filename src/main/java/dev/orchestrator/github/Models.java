package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHUser;

/** GitHub's JSON and kohsuke's objects to our records. Field names follow GitHub's REST docs. */
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
        n.path("html_url").asText(""));
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
        text(n.path("patch")));
  }

  static CheckRun checkRun(JsonNode n) {
    return new CheckRun(
        n.path("id").asLong(),
        n.path("name").asText(""),
        n.path("head_sha").asText(""),
        n.path("status").asText(""),
        text(n.path("conclusion")),
        n.path("html_url").asText(""));
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
    return Optional.of(new RepoFile(n.path("path").asText(""), n.path("sha").asText(""), content));
  }

  static Issue issue(GHIssue i) throws IOException {
    List<String> labels = new ArrayList<>();
    for (GHLabel l : i.getLabels()) {
      labels.add(l.getName());
    }
    List<String> assignees = new ArrayList<>();
    for (GHUser u : i.getAssignees()) {
      assignees.add(u.getLogin());
    }
    return new Issue(
        i.getNumber(),
        nullToEmpty(i.getTitle()),
        nullToEmpty(i.getBody()),
        i.getState().name().toLowerCase(Locale.ROOT),
        Optional.ofNullable(i.getStateReason()).map(r -> r.name().toLowerCase(Locale.ROOT)),
        List.copyOf(labels),
        List.copyOf(assignees),
        i.getUser() == null ? "" : i.getUser().getLogin(),
        String.valueOf(i.getHtmlUrl()),
        i.isPullRequest());
  }

  static PullRequest pullRequest(GHPullRequest p) throws IOException {
    return new PullRequest(
        p.getNumber(),
        nullToEmpty(p.getTitle()),
        nullToEmpty(p.getBody()),
        p.getState().name().toLowerCase(Locale.ROOT),
        p.isDraft(),
        p.isMerged(),
        p.getHead().getSha(),
        p.getHead().getRef(),
        p.getBase().getRef(),
        p.getUser() == null ? "" : p.getUser().getLogin(),
        String.valueOf(p.getHtmlUrl()));
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

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
