package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool a mission step or a model may call. Tools act only on the run's repository: owner and
 * repository are never arguments.
 */
public interface Tool {
  /** The name used in missions and transcripts, as in {@link ToolNames}. */
  String name();

  /** How much the tool can change; decides approvals and dry-run recording. */
  Risk risk();

  /**
   * The JSON Schema (draft 2020-12) of the arguments, loaded from {@code tools/<name>.schema.json};
   * a copy, safe to hand to a model as its function parameters.
   */
  JsonNode argumentSchema();

  /** One or two sentences for models and {@code /agent help}: the schema's {@code description}. */
  String description();

  /**
   * Checks {@code arguments} against the schema without running anything; integers given as numeric
   * strings are coerced (see {@link ArgumentValidator}).
   */
  ArgumentCheck validate(JsonNode arguments);

  /**
   * Runs the call. The arguments are validated first (an invalid call returns {@link
   * ToolResult.Failed} of class {@link ErrorClasses#INVALID_ARGUMENTS} without touching GitHub); in
   * a dry run, write and destructive tools return {@link ToolResult.Recorded} and never call the
   * repository port.
   */
  ToolResult execute(ToolCall call, ToolContext ctx);
}
