package dev.orchestrator.planner;

import dev.orchestrator.tool.ToolCall;

/** What a planner wants next. */
public sealed interface Planned {
  /** Call a tool. */
  record Call(ToolCall call) implements Planned {}

  /** The mission is done; {@code summary} is its result for people (may be empty). */
  record Finish(String summary) implements Planned {}

  /** The mission cannot go on; {@code errorClass} is one of the runtime's error classes. */
  record Fail(String errorClass, String message, boolean infrastructure) implements Planned {}
}
