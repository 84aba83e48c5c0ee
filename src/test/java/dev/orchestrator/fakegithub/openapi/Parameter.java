package dev.orchestrator.fakegithub.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parameter of a vendored operation.
 *
 * @param name the parameter's name
 * @param in where it goes: {@code path} or {@code query}
 * @param required whether the description requires it
 * @param schema its JSON schema (may be a missing node)
 * @param multiSegment a path parameter that may contain slashes ({@code x-multi-segment})
 */
public record Parameter(
    String name, String in, boolean required, JsonNode schema, boolean multiSegment) {

  /** True for a query-string parameter. */
  public boolean inQuery() {
    return "query".equals(in);
  }
}
