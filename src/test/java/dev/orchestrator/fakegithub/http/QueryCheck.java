package dev.orchestrator.fakegithub.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.openapi.Operation;
import dev.orchestrator.fakegithub.openapi.Parameter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters must be ones the description documents for the operation, with values its schema
 * allows (enums, integers). GitHub would quietly ignore or reject the rest; the fake records a
 * problem so the test fails where the client sent something GitHub does not take.
 */
final class QueryCheck {
  private final RequestLog log;

  QueryCheck(RequestLog log) {
    this.log = log;
  }

  void check(Incoming in, Operation op) {
    for (Map.Entry<String, List<String>> e : in.query().entrySet()) {
      Optional<Parameter> parameter = op.queryParameter(e.getKey());
      if (parameter.isEmpty()) {
        log.problem(
            "undocumented query parameter \""
                + e.getKey()
                + "\" in "
                + in.describe()
                + " (operation "
                + op.operationId()
                + ")");
        continue;
      }
      for (String value : e.getValue()) {
        if (!allowed(parameter.get().schema(), value)) {
          log.problem(
              "query parameter \""
                  + e.getKey()
                  + "\" has value \""
                  + value
                  + "\" that the description does not allow, in "
                  + in.describe());
        }
      }
    }
  }

  private static boolean allowed(JsonNode schema, String value) {
    JsonNode values = schema.path("enum");
    if (values.isArray()) {
      boolean listed = false;
      for (JsonNode v : values) {
        listed |= v.asText().equals(value);
      }
      if (!listed) {
        return false;
      }
    }
    if ("integer".equals(schema.path("type").asText())) {
      return value.matches("-?[0-9]+");
    }
    if ("date-time".equals(schema.path("format").asText())) {
      try {
        OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    if ("boolean".equals(schema.path("type").asText())) {
      return value.equals("true") || value.equals("false");
    }
    return true;
  }
}
