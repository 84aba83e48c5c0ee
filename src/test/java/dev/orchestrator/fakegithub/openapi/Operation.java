package dev.orchestrator.fakegithub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GitHub REST operation as vendored in {@code openapi-subset.json}.
 *
 * @param method upper-case HTTP method
 * @param path the description's path template, e.g. {@code /repos/{owner}/{repo}}
 * @param operationId GitHub's id, e.g. {@code issues/create-comment}
 * @param documentationUrl the docs page GitHub puts in error bodies for this operation
 * @param parameters path and query parameters
 * @param requestSchema the JSON schema of the request body, or null when it takes none
 * @param requestBodyRequired whether a body must be sent
 * @param examples 2xx status → example name → example value, in the description's order
 */
public record Operation(
    String method,
    String path,
    String operationId,
    String documentationUrl,
    List<Parameter> parameters,
    JsonNode requestSchema,
    boolean requestBodyRequired,
    Map<Integer, Map<String, JsonNode>> examples) {

  /** The query parameter of that name, if the description has one. */
  public Optional<Parameter> queryParameter(String name) {
    return parameters.stream().filter(p -> p.inQuery() && p.name().equals(name)).findFirst();
  }

  /** The path parameter of that name, if the description has one. */
  public Optional<Parameter> pathParameter(String name) {
    return parameters.stream()
        .filter(p -> "path".equals(p.in()) && p.name().equals(name))
        .findFirst();
  }

  /** The first example of a documented 2xx status; throws if the description has none. */
  public JsonNode example(int status) {
    Map<String, JsonNode> byName = examples.get(status);
    if (byName == null || byName.isEmpty()) {
      throw new IllegalStateException(
          "no example for " + status + " of \"" + method + " " + path + "\" in the description");
    }
    return byName.values().iterator().next();
  }

  /** A named example of a documented 2xx status; throws if there is none of that name. */
  public JsonNode example(int status, String name) {
    JsonNode node = examples.getOrDefault(status, Map.of()).get(name);
    if (node == null) {
      throw new IllegalStateException(
          "no example \"" + name + "\" for " + status + " of \"" + method + " " + path + "\"");
    }
    return node;
  }

  /** {@code METHOD path}, the key operations are indexed by. */
  public String key() {
    return method + " " + path;
  }
}
