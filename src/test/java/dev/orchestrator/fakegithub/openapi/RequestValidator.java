package dev.orchestrator.fakegithub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks request bodies against the vendored operation's schema, and words the problems the way
 * GitHub's 422 does: {@code "body" wasn't supplied.} for a missing required property, {@code For
 * 'properties/content', ...} otherwise.
 */
public final class RequestValidator {
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).locale(Locale.ENGLISH).build();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  /**
   * The problems with {@code body} for {@code operation}, empty when it conforms. A null body means
   * none was sent.
   */
  public List<String> validate(Operation operation, JsonNode body) {
    if (operation.requestSchema() == null) {
      return List.of();
    }
    if (body == null) {
      return operation.requestBodyRequired() ? List.of("A request body is required.") : List.of();
    }
    JsonSchema schema =
        schemas.computeIfAbsent(
            operation.key(),
            k -> factory.getSchema(SchemaDialect.toJsonSchema(operation.requestSchema()), config));
    List<String> problems = new ArrayList<>();
    schema.validate(body).stream()
        .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
        .forEach(m -> problems.add(sentence(m)));
    return problems;
  }

  /** {@code actions[0].label}, or {@code root} for the body itself. */
  private static String path(JsonNodePath location) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(element);
      }
    }
    return out.length() == 0 ? "root" : out.toString();
  }

  private static String sentence(ValidationMessage m) {
    if ("required".equals(m.getType())) {
      return "\"" + m.getProperty() + "\" wasn't supplied.";
    }
    String where = path(m.getInstanceLocation());
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    String what = colon >= 0 ? message.substring(colon + 2) : message;
    return "For '" + where + "', " + m.getInstanceNode() + " " + what + ".";
  }
}
