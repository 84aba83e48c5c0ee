package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool whose name, risk, schema and description come from {@link ToolNames} and {@code
 * tools/<name>.schema.json}, and whose every call is validated before it runs.
 */
abstract class BaseTool implements Tool {
  private final String name;
  private final Risk risk;
  private final JsonNode schema;
  private final ArgumentValidator validator;

  BaseTool(String name) {
    this.name = name;
    this.risk =
        ToolNames.riskOf(name)
            .orElseThrow(
                () -> new IllegalStateException("tool \"" + name + "\" is not in ToolNames"));
    this.schema = ToolSchemas.load(name);
    this.validator = new ArgumentValidator(name, schema);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Risk risk() {
    return risk;
  }

  @Override
  public final JsonNode argumentSchema() {
    return schema.deepCopy();
  }

  @Override
  public final String description() {
    return schema.path("description").asText();
  }

  @Override
  public final ArgumentCheck validate(JsonNode arguments) {
    return validator.validate(arguments);
  }

  @Override
  public final ToolResult execute(ToolCall call, ToolContext ctx) {
    if (!call.name().equals(name)) {
      throw new IllegalArgumentException(
          "tool \"" + name + "\" was given a call of \"" + call.name() + "\"");
    }
    ArgumentCheck check = validator.validate(call.arguments());
    if (!check.valid()) {
      return check.failure().orElseThrow();
    }
    return run(new Args(check.arguments()), call, ctx);
  }

  /** Runs a call whose arguments passed the schema. */
  abstract ToolResult run(Args args, ToolCall call, ToolContext ctx);

  @Override
  public String toString() {
    return name + " (" + risk.label() + ")";
  }
}
