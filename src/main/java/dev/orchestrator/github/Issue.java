package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * An issue or pull request as the issues API shows it.
 *
 * @param json GitHub's issue object as received (what the {@code get_issue} tool hands on)
 */
public record Issue(
    int number,
    String title,
    String body,
    String state,
    Optional<String> stateReason,
    List<String> labels,
    List<String> assignees,
    String author,
    String htmlUrl,
    boolean pullRequest,
    JsonNode json) {
  public Issue {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
    json = json.deepCopy();
  }

  /** A copy of GitHub's object: callers may not change this one. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
