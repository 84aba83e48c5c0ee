package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An issue's labels after a change, as GitHub answers it.
 *
 * @param names the label names, in GitHub's order
 * @param json GitHub's array of label objects as received
 */
public record Labels(List<String> names, JsonNode json) {
  public Labels {
    names = List.copyOf(names);
    json = json.deepCopy();
  }

  /** A copy of GitHub's array. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
