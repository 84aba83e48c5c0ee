package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One file changed by a pull request; {@code patch} is absent for binary or very large diffs.
 *
 * @param json GitHub's file object as received
 */
public record PullRequestFile(
    String filename,
    String status,
    int additions,
    int deletions,
    Optional<String> patch,
    JsonNode json) {
  public PullRequestFile {
    json = json.deepCopy();
  }

  /** A copy of GitHub's object. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
