package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the schema library's findings into sentences that name the argument. The library's own
 * messages ({@code $.number: string found, integer expected}) are kept only as a fallback for
 * keywords our schemas do not use.
 */
final class Problems {
  private static final int SHOWN_VALUE_CHARS = 60;
  private static final Set<String> IMPLICIT = Set.of("owner", "repo", "repository");

  private Problems() {}

  static String describe(ValidationMessage m, JsonNode toolSchema) {
    String argument = argumentName(m.getInstanceLocation());
    JsonNode limit = m.getSchemaNode();
    JsonNode value = m.getInstanceNode();
    String subject = "argument \"" + argument + "\"";
    switch (m.getType()) {
      case "required":
        return "missing argument \"" + join(argument, m.getProperty()) + "\"";
      case "additionalProperties":
        String unknown = join(argument, m.getProperty());
        return "unknown argument \""
            + unknown
            + "\""
            + (IMPLICIT.contains(unknown)
                ? " (the repository is implicit: tools act only on the run's repository)"
                : "");
      case "type":
        if (argument.isEmpty()) {
          return "arguments must be an object, found " + shortJson(value);
        }
        return subject + " must be " + article(limit.asText()) + ", found " + shortJson(value);
      case "maxLength":
        return subject + " is longer than " + limit.asText() + " characters";
      case "minLength":
        return limit.asInt() == 1
            ? subject + " must not be empty"
            : subject + " is shorter than " + limit.asText() + " characters";
      case "maximum":
        return subject + " must be at most " + limit.asText() + ", found " + shortJson(value);
      case "minimum":
        return subject + " must be at least " + limit.asText() + ", found " + shortJson(value);
      case "maxItems":
        return subject + " must have at most " + items(limit.asInt());
      case "minItems":
        return subject + " must have at least " + items(limit.asInt());
      case "uniqueItems":
        return subject + " must not repeat an item";
      case "enum":
        return subject + " must be one of " + choices(limit) + ", found " + shortJson(value);
      case "pattern":
        return subject
            + " is not "
            + expectedForm(toolSchema, m.getInstanceLocation())
            + ", found "
            + shortJson(value);
      default:
        return subject + ": " + m.getMessage();
    }
  }

  /** {@code labels[1]} for {@code $.labels[1]}; empty for the arguments object itself. */
  static String argumentName(JsonNodePath path) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer) {
        name.append('[').append(element).append(']');
      } else {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(element);
      }
    }
    return name.toString();
  }

  /** A value as the message shows it: JSON, cut to a readable length. */
  static String shortJson(JsonNode value) {
    String json = value == null ? "nothing" : value.toString();
    if (json.length() <= SHOWN_VALUE_CHARS) {
      return json;
    }
    return json.substring(0, SHOWN_VALUE_CHARS) + "…";
  }

  private static String join(String parent, String property) {
    return parent.isEmpty() ? String.valueOf(property) : parent + "." + property;
  }

  private static String article(String type) {
    switch (type) {
      case "integer":
        return "an integer";
      case "array":
        return "an array";
      case "object":
        return "an object";
      default:
        return "a " + type;
    }
  }

  private static String items(int n) {
    return n + (n == 1 ? " item" : " items");
  }

  private static String choices(JsonNode values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(v.toString()));
    return String.join(", ", quoted);
  }

  /**
   * What a patterned argument should look like: its schema's {@code title} ("an ISO 8601 date or
   * timestamp"), so the schema stays the one source of truth.
   */
  private static String expectedForm(JsonNode toolSchema, JsonNodePath path) {
    JsonNode schema = toolSchema;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      schema =
          element instanceof Integer
              ? schema.path("items")
              : schema.path("properties").path(String.valueOf(element));
    }
    String title = schema.path("title").asText();
    return title.isEmpty() ? "in the expected form" : title;
  }
}
