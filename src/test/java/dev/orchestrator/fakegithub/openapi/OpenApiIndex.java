package dev.orchestrator.fakegithub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operations vendored from GitHub's REST description by {@code
 * scripts/extract-github-openapi.mjs}, indexed by method and path template. The FakeGitHub checks
 * its route table against this at start-up and takes response examples and request schemas from it.
 */
public final class OpenApiIndex {
  /** Classpath location of the vendored subset. */
  public static final String RESOURCE = "/github/openapi-subset.json";

  private final JsonNode source;
  private final Map<String, Operation> byKey;

  private OpenApiIndex(JsonNode source, Map<String, Operation> byKey) {
    this.source = source;
    this.byKey = byKey;
  }

  /** Loads the vendored subset from the test classpath. */
  public static OpenApiIndex load() {
    return load(RESOURCE);
  }

  /** Loads a subset file of the same shape from the classpath. */
  public static OpenApiIndex load(String resource) {
    try (InputStream in = OpenApiIndex.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "loading GitHub REST subset \"" + resource + "\": not on the classpath");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("loading GitHub REST subset \"" + resource + "\"", e);
    }
  }

  private static OpenApiIndex parse(JsonNode root) {
    Map<String, Operation> byKey = new LinkedHashMap<>();
    for (JsonNode op : root.path("operations")) {
      Operation operation = operation(op);
      byKey.put(operation.key(), operation);
    }
    return new OpenApiIndex(root.path("source"), Collections.unmodifiableMap(byKey));
  }

  private static Operation operation(JsonNode op) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      parameters.add(
          new Parameter(
              p.path("name").asText(),
              p.path("in").asText(),
              p.path("required").asBoolean(),
              p.path("schema"),
              p.path("multiSegment").asBoolean()));
    }
    JsonNode body = op.path("requestBody");
    Map<Integer, Map<String, JsonNode>> examples = new LinkedHashMap<>();
    for (JsonNode response : op.path("responses")) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : response.path("examples").properties()) {
        byName.put(e.getKey(), e.getValue());
      }
      examples.put(response.path("status").asInt(), Collections.unmodifiableMap(byName));
    }
    return new Operation(
        op.path("method").asText().toUpperCase(Locale.ROOT),
        op.path("path").asText(),
        op.path("operationId").asText(),
        op.path("documentationUrl").asText(null),
        List.copyOf(parameters),
        body.isObject() ? body.path("schema") : null,
        body.path("required").asBoolean(),
        Collections.unmodifiableMap(examples));
  }

  /** The operation with this method and path template, if vendored. */
  public Optional<Operation> find(String method, String pathTemplate) {
    return Optional.ofNullable(byKey.get(method.toUpperCase(Locale.ROOT) + " " + pathTemplate));
  }

  /** The operation with this method and path template; throws if it is not vendored. */
  public Operation get(String method, String pathTemplate) {
    return find(method, pathTemplate)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "\"" + method + " " + pathTemplate + "\" is not in GitHub's REST subset"));
  }

  /** Every vendored operation, in the subset's order. */
  public Collection<Operation> operations() {
    return byKey.values();
  }

  /** Where the subset came from: package, version, file. */
  public JsonNode source() {
    return source;
  }
}
