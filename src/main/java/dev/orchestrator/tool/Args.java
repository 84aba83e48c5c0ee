package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of arguments that passed the schema. A read that does not fit the schema is a bug in
 * a tool (it asked for an argument its schema does not require), so it throws.
 */
final class Args {
  private final JsonNode json;

  Args(JsonNode json) {
    this.json = json;
  }

  int integer(String name) {
    return optionalInteger(name)
        .orElseThrow(() -> new IllegalStateException("argument \"" + name + "\" is required"));
  }

  Optional<Integer> optionalInteger(String name) {
    JsonNode value = json.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw new IllegalStateException("argument \"" + name + "\" is not an int: " + value);
    }
    return Optional.of(value.intValue());
  }

  String text(String name) {
    return optionalText(name)
        .orElseThrow(() -> new IllegalStateException("argument \"" + name + "\" is required"));
  }

  Optional<String> optionalText(String name) {
    JsonNode value = json.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalStateException("argument \"" + name + "\" is not a string: " + value);
    }
    return Optional.of(value.asText());
  }

  /** The strings of an array argument; empty when the argument is absent. */
  List<String> texts(String name) {
    JsonNode value = json.get(name);
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!value.isArray()) {
      throw new IllegalStateException("argument \"" + name + "\" is not an array: " + value);
    }
    for (JsonNode item : value) {
      out.add(item.asText());
    }
    return List.copyOf(out);
  }
}
