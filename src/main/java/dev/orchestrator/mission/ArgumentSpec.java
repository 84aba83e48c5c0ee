package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A declared argument: given as {@code key=value} on the command line (text), else its default. The
 * default is a YAML scalar (text, number or boolean) kept as written, so the runtime can read a
 * command-line value the same way (a number default means a number is expected).
 */
public record ArgumentSpec(String name, String description, Optional<JsonNode> defaultValue) {
  public ArgumentSpec {
    defaultValue = defaultValue.map(JsonNode::deepCopy);
  }

  @Override
  public Optional<JsonNode> defaultValue() {
    return defaultValue.map(JsonNode::deepCopy);
  }
}
