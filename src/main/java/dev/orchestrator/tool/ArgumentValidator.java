package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a call's arguments against its tool's JSON Schema (draft 2020-12) before the tool runs,
 * and says what is wrong in words that name the argument: {@code tool "post_comment": argument
 * "body" is longer than 60000 characters}.
 *
 * <p><b>Coercion.</b> Templating turns {@code ${event.issue.number}} inside a string into text, so
 * a top-level argument whose schema type is {@code integer} accepts a string of decimal digits
 * ({@code "12"}, {@code "-3"}, at most 18 digits) and the valid arguments carry the number {@code
 * 12}. Nothing else is coerced: {@code "12.5"}, {@code " 12"} or {@code "abc"} are reported as
 * "must be an integer". A JSON number with a zero fraction ({@code 12.0}) is an integer in draft
 * 2020-12 and becomes {@code 12}.
 *
 * <p>Thread-safe; compile once per tool.
 */
public final class ArgumentValidator {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

  private final String tool;
  private final JsonNode schemaNode;
  private final JsonSchema schema;

  /** Compiles {@code schema} for the tool named {@code tool}. */
  public ArgumentValidator(String tool, JsonNode schema) {
    this.tool = Objects.requireNonNull(tool, "tool");
    this.schemaNode = schema.deepCopy();
    this.schema = FACTORY.getSchema(this.schemaNode);
  }

  /** Checks {@code arguments}; never throws for any JSON value (null counts as no arguments). */
  public ArgumentCheck validate(JsonNode arguments) {
    JsonNode given =
        arguments == null || arguments.isMissingNode() || arguments.isNull()
            ? JsonNodeFactory.instance.objectNode()
            : arguments;
    if (!given.isObject()) {
      return new ArgumentCheck.Invalid(
          tool, given, List.of("arguments must be an object, found " + Problems.shortJson(given)));
    }
    ObjectNode coerced = coerce((ObjectNode) given);
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(coerced));
    if (messages.isEmpty()) {
      return new ArgumentCheck.Valid(tool, coerced);
    }
    messages.sort(
        Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getType)
            .thenComparing(m -> String.valueOf(m.getProperty())));
    List<String> problems = new ArrayList<>();
    for (ValidationMessage message : messages) {
      String problem = Problems.describe(message, schemaNode);
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return new ArgumentCheck.Invalid(tool, given, problems);
  }

  /** A copy of {@code args} with numeric strings and integral numbers made integers. */
  private ObjectNode coerce(ObjectNode args) {
    ObjectNode copy = args.deepCopy();
    JsonNode properties = schemaNode.path("properties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (!"integer".equals(property.getValue().path("type").asText())) {
        continue;
      }
      JsonNode value = copy.get(property.getKey());
      if (value == null) {
        continue;
      }
      if (value.isTextual() && DECIMAL.matcher(value.asText()).matches()) {
        copy.set(property.getKey(), integer(Long.parseLong(value.asText())));
      } else if (value.isNumber() && !value.isIntegralNumber() && isWholeLong(value)) {
        copy.set(property.getKey(), integer(value.longValue()));
      }
    }
    return copy;
  }

  /** An int node when the value fits, as Jackson itself parses {@code 12}; else a long node. */
  private static JsonNode integer(long value) {
    return value == (int) value
        ? JsonNodeFactory.instance.numberNode((int) value)
        : JsonNodeFactory.instance.numberNode(value);
  }

  private static boolean isWholeLong(JsonNode number) {
    double d = number.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e18;
  }
}
