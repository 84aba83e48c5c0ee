package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The GitHub REST request a write tool makes, built in one place so that what a dry run or an
 * offline run records is exactly what would be sent. Without a repository the path keeps the {@code
 * {owner}/{repo}} placeholders.
 *
 * @param method the HTTP method
 * @param path the path under the REST root
 * @param body the JSON body, or a missing node for none
 */
public record WriteRequest(String method, String path, JsonNode body) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public WriteRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
  }

  /** {@code {"method": ..., "path": ..., "body": ...}}, without {@code body} when there is none. */
  public JsonNode toJson() {
    ObjectNode json = JSON.objectNode();
    json.put("method", method);
    json.put("path", path);
    if (!body.isMissingNode()) {
      json.set("body", body);
    }
    return json;
  }

  /** A comment; {@code body} is final (neutralised and capped) and gets the marker appended. */
  public static WriteRequest postComment(
      Optional<String> repository, int number, String body, String marker) {
    ObjectNode json = JSON.objectNode();
    json.put("body", Bodies.withMarker(body, marker));
    return new WriteRequest("POST", issue(repository, number) + "/comments", json);
  }

  /** Labels added to an issue or pull request. */
  public static WriteRequest addLabels(
      Optional<String> repository, int number, List<String> labels) {
    ObjectNode json = JSON.objectNode();
    labels.forEach(json.putArray("labels")::add);
    return new WriteRequest("POST", issue(repository, number) + "/labels", json);
  }

  /** One label removed; the name is percent-encoded as a path segment. */
  public static WriteRequest removeLabel(Optional<String> repository, int number, String label) {
    return new WriteRequest(
        "DELETE",
        issue(repository, number) + "/labels/" + pathSegment(label),
        MissingNode.getInstance());
  }

  /** Assignees added. */
  public static WriteRequest assign(Optional<String> repository, int number, List<String> logins) {
    ObjectNode json = JSON.objectNode();
    logins.forEach(json.putArray("assignees")::add);
    return new WriteRequest("POST", issue(repository, number) + "/assignees", json);
  }

  /** A new issue; {@code body} is final (neutralised and capped). */
  public static WriteRequest createIssue(
      Optional<String> repository, String title, String body, List<String> labels) {
    ObjectNode json = JSON.objectNode();
    json.put("title", title);
    json.put("body", body);
    if (!labels.isEmpty()) {
      labels.forEach(json.putArray("labels")::add);
    }
    return new WriteRequest("POST", repo(repository) + "/issues", json);
  }

  /**
   * A check run created already completed, conclusion {@code neutral}: a mission's check run
   * reports, it does not gate, and one left {@code queued} would never finish.
   */
  public static WriteRequest createCheckRun(
      Optional<String> repository, String name, String headSha, String summary) {
    ObjectNode json = JSON.objectNode();
    json.put("name", name);
    json.put("head_sha", headSha);
    json.put("status", "completed");
    json.put("conclusion", "neutral");
    ObjectNode output = json.putObject("output");
    output.put("title", name);
    output.put("summary", summary);
    return new WriteRequest("POST", repo(repository) + "/check-runs", json);
  }

  /** An issue closed, with {@code state_reason} when given. */
  public static WriteRequest closeIssue(
      Optional<String> repository, int number, Optional<String> reason) {
    ObjectNode json = JSON.objectNode();
    json.put("state", "closed");
    reason.ifPresent(r -> json.put("state_reason", r));
    return new WriteRequest("PATCH", issue(repository, number), json);
  }

  private static String repo(Optional<String> repository) {
    return "/repos/" + repository.orElse("{owner}/{repo}");
  }

  private static String issue(Optional<String> repository, int number) {
    return repo(repository) + "/issues/" + number;
  }

  private static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
