package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A check run as GitHub reports it.
 *
 * @param json GitHub's check-run object as received
 */
public record CheckRun(
    long id,
    String name,
    String headSha,
    String status,
    Optional<String> conclusion,
    String htmlUrl,
    JsonNode json) {
  public CheckRun {
    json = json.deepCopy();
  }

  /** A copy of GitHub's object. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
