package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An issue or pull-request conversation comment.
 *
 * @param json GitHub's comment object as received
 */
public record Comment(
    long id,
    String body,
    String author,
    boolean authorIsBot,
    Instant createdAt,
    Instant updatedAt,
    String htmlUrl,
    JsonNode json) {
  public Comment {
    json = json.deepCopy();
  }

  /** A copy of GitHub's object. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
