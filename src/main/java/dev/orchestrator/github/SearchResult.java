package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Issues and pull requests found, at most the limit asked for, and GitHub's total count.
 *
 * @param json GitHub's answer ({@code total_count}, {@code incomplete_results}, {@code items}) with
 *     {@code items} cut to the same limit
 */
public record SearchResult(int totalCount, List<Issue> items, JsonNode json) {
  public SearchResult {
    items = List.copyOf(items);
    json = json.deepCopy();
  }

  /** A copy of GitHub's answer. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
