package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pull request with what missions and check runs need.
 *
 * @param json GitHub's pull-request object as received
 */
public record PullRequest(
    int number,
    String title,
    String body,
    String state,
    boolean draft,
    boolean merged,
    String headSha,
    String headRef,
    String baseRef,
    String author,
    String htmlUrl,
    JsonNode json) {
  public PullRequest {
    json = json.deepCopy();
  }

  /** A copy of GitHub's object. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
