package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of checking a call's arguments against its tool's schema. */
public sealed interface ArgumentCheck permits ArgumentCheck.Valid, ArgumentCheck.Invalid {

  /** True when the tool may run with {@link #arguments()}. */
  boolean valid();

  /**
   * For a valid check, the arguments to run with (numeric strings coerced to integers); for an
   * invalid one, the arguments as given.
   */
  JsonNode arguments();

  /** Every problem found, each naming its argument; empty when valid. */
  List<String> problems();

  /** {@code tool "x": problem; problem}, or empty when valid. */
  String message();

  /** The tool result an invalid call ends with; empty when valid. */
  Optional<ToolResult> failure();

  /** The arguments match the schema. */
  record Valid(String tool, JsonNode arguments) implements ArgumentCheck {
    public Valid {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(arguments, "arguments");
    }

    @Override
    public boolean valid() {
      return true;
    }

    @Override
    public List<String> problems() {
      return List.of();
    }

    @Override
    public String message() {
      return "";
    }

    @Override
    public Optional<ToolResult> failure() {
      return Optional.empty();
    }
  }

  /** The arguments do not match; {@code problems} is never empty. */
  record Invalid(String tool, JsonNode arguments, List<String> problems) implements ArgumentCheck {
    public Invalid {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(arguments, "arguments");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid argument check needs a problem");
      }
    }

    @Override
    public boolean valid() {
      return false;
    }

    @Override
    public String message() {
      return "tool \"" + tool + "\": " + String.join("; ", problems);
    }

    @Override
    public Optional<ToolResult> failure() {
      return Optional.of(ToolResult.failed(ErrorClasses.INVALID_ARGUMENTS, message()));
    }
  }
}
