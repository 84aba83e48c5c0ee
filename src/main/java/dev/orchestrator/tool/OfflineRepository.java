package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository as seen without GitHub credentials: read tools answer from the event payload where
 * it holds the answer ({@code get_issue} from {@code event.issue}, {@code get_pull_request} from
 * {@code event.pull_request}, {@code list_comments} when the payload has every comment of the
 * subject) and otherwise fail with class {@link ErrorClasses#OFFLINE} saying so; writes are never
 * sent: they come back {@link ToolResult.Recorded} with the request they would make.
 */
public final class OfflineRepository implements RepositoryPort {
  private static final String NO_CREDENTIALS =
      " without GitHub credentials (set GITHUB_TOKEN or APP_ID)";

  private final Optional<String> repository;
  private final JsonNode event;

  /** An offline view of {@code repository} (for recorded paths) and the payload {@code event}. */
  public OfflineRepository(Optional<String> repository, JsonNode event) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.event = event == null ? JsonNodeFactory.instance.objectNode() : event;
  }

  @Override
  public ToolResult getIssue(int number) {
    JsonNode issue = event.path("issue");
    return numbered(issue, number)
        ? ToolResult.ok(issue.deepCopy())
        : offline("cannot fetch issue #" + number);
  }

  @Override
  public ToolResult getPullRequest(int number) {
    JsonNode pull = event.path("pull_request");
    return numbered(pull, number)
        ? ToolResult.ok(pull.deepCopy())
        : offline("cannot fetch pull request #" + number);
  }

  /**
   * Answers only when the payload is about issue or pull request {@code number} and holds all its
   * comments: none at all ({@code comments: 0}), or the one an {@code issue_comment} event carries.
   */
  @Override
  public ToolResult listComments(int number, Optional<Instant> since) {
    ArrayNode known = JsonNodeFactory.instance.arrayNode();
    JsonNode subject;
    if (numbered(event.path("issue"), number)) {
      subject = event.path("issue");
      if (event.path("comment").isObject()) {
        known.add(event.path("comment").deepCopy());
      }
    } else if (numbered(event.path("pull_request"), number)) {
      subject = event.path("pull_request");
    } else {
      return offline("cannot list the comments of #" + number);
    }
    JsonNode count = subject.path("comments");
    if (!count.isIntegralNumber() || count.asLong() > known.size()) {
      return offline("cannot list the comments of #" + number);
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode comment : known) {
      if (since.isEmpty() || !updatedBefore(comment, since.get())) {
        out.add(comment);
      }
    }
    return ToolResult.ok(out);
  }

  @Override
  public ToolResult listPrFiles(int number) {
    return offline("cannot list the files of pull request #" + number);
  }

  @Override
  public ToolResult getFile(String path, Optional<String> ref) {
    return offline("cannot read file \"" + path + "\"");
  }

  @Override
  public ToolResult searchIssues(String query, int limit) {
    return offline("cannot search issues for \"" + query + "\"");
  }

  @Override
  public ToolResult postComment(int number, String body, String marker) {
    return recorded(WriteRequest.postComment(repository, number, body, marker));
  }

  @Override
  public ToolResult addLabels(int number, List<String> labels) {
    return recorded(WriteRequest.addLabels(repository, number, labels));
  }

  @Override
  public ToolResult removeLabel(int number, String label) {
    return recorded(WriteRequest.removeLabel(repository, number, label));
  }

  @Override
  public ToolResult assign(int number, List<String> assignees) {
    return recorded(WriteRequest.assign(repository, number, assignees));
  }

  @Override
  public ToolResult createIssue(String title, String body, List<String> labels) {
    return recorded(WriteRequest.createIssue(repository, title, body, labels));
  }

  @Override
  public ToolResult createCheckRun(String name, String headSha, String summary) {
    return recorded(WriteRequest.createCheckRun(repository, name, headSha, summary));
  }

  @Override
  public ToolResult closeIssue(int number, Optional<String> reason) {
    return recorded(WriteRequest.closeIssue(repository, number, reason));
  }

  private static boolean numbered(JsonNode subject, int number) {
    return subject.isObject()
        && subject.path("number").isIntegralNumber()
        && subject.path("number").asLong() == number;
  }

  private static boolean updatedBefore(JsonNode comment, Instant since) {
    String updated = comment.path("updated_at").asText(comment.path("created_at").asText(""));
    try {
      return Instant.parse(updated).isBefore(since);
    } catch (DateTimeParseException e) {
      return false; // keep a comment whose time we cannot read rather than hide it
    }
  }

  private static ToolResult offline(String what) {
    return ToolResult.failed(ErrorClasses.OFFLINE, "offline: " + what + NO_CREDENTIALS);
  }

  private static ToolResult recorded(WriteRequest request) {
    return new ToolResult.Recorded(request.toJson());
  }
}
