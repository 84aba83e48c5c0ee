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

  /**
   * The planner needs a person's approval before it goes on (an llm run whose next model call could
   * cross its budget). The run blocks with {@code reason}; when it is approved and runs again, the
   * runner tells the planner through {@link Planner#approved}. A dry run, which never waits, fails
   * with {@code errorClass} instead.
   */
  record Pause(String errorClass, String reason) implements Planned {}
}
