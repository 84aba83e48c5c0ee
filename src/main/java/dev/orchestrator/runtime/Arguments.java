package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.ArgumentSpec;
import dev.orchestrator.mission.Mission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code key=value} words from a command or the command line into a mission's arguments:
 * unknown keys are refused, defaults fill the rest, and a value takes its default's type (so {@code
 * days=60} is a number when the default is).
 */
public final class Arguments {
  private Arguments() {}

  /** The resolved arguments, or the problems (each naming the argument). */
  public sealed interface Resolved {
    record Ok(ObjectNode arguments) implements Resolved {}

    record Invalid(List<String> problems) implements Resolved {}
  }

  public static Resolved resolve(Mission mission, Map<String, String> given) {
    List<String> problems = new ArrayList<>();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : given.keySet()) {
      if (!mission.arguments().containsKey(key)) {
        problems.add(
            "mission \""
                + mission.name()
                + "\" has no argument \""
                + key
                + "\""
                + (mission.arguments().isEmpty()
                    ? " (it takes none)"
                    : "; it takes " + String.join(", ", mission.arguments().keySet())));
      }
    }
    for (ArgumentSpec spec : mission.arguments().values()) {
      String raw = given.get(spec.name());
      if (raw == null) {
        if (spec.defaultValue().isPresent()) {
          out.set(spec.name(), spec.defaultValue().get());
        } else {
          problems.add("argument \"" + spec.name() + "\" is required: " + spec.description());
        }
        continue;
      }
      JsonNode typed = typed(raw, spec.defaultValue().orElse(null));
      if (typed == null) {
        problems.add(
            "argument \""
                + spec.name()
                + "\" must be "
                + kind(spec.defaultValue().get())
                + ", found \""
                + raw
                + "\"");
      } else {
        out.set(spec.name(), typed);
      }
    }
    return problems.isEmpty() ? new Resolved.Ok(out) : new Resolved.Invalid(problems);
  }

  private static JsonNode typed(String raw, JsonNode like) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (like == null || like.isTextual()) {
      return f.textNode(raw);
    }
    if (like.isIntegralNumber()) {
      return raw.matches("-?\\d{1,18}") ? f.numberNode(Long.parseLong(raw)) : null;
    }
    if (like.isNumber()) {
      try {
        return f.numberNode(new java.math.BigDecimal(raw));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (like.isBoolean()) {
      return "true".equalsIgnoreCase(raw)
          ? f.booleanNode(true)
          : "false".equalsIgnoreCase(raw) ? f.booleanNode(false) : null;
    }
    return f.textNode(raw);
  }

  private static String kind(JsonNode like) {
    if (like.isIntegralNumber()) {
      return "a whole number";
    }
    if (like.isNumber()) {
      return "a number";
    }
    return like.isBoolean() ? "true or false" : "text";
  }
}
