package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolResult;
import java.util.List;

/**
 * Chooses the next tool call of a run. All of its progress lives in {@code memory}, a JSON object
 * the runtime persists when a run blocks, so that a run resumes where it stopped on any worker.
 */
public interface Planner {
  /** The next step, given what has happened so far. */
  Planned next(ObjectNode memory);

  /** Records the result of the call {@link #next} asked for (or its refusal). */
  void observe(ObjectNode memory, ToolCall call, ToolResult result);

  /** The planned calls not yet made, as far as they can be known now (for approval requests). */
  default List<ToolCall> preview(ObjectNode memory) {
    return List.of();
  }

  /** What the run has spent on models so far (nothing, for planners without a model). */
  default ModelUsage usage(ObjectNode memory) {
    return ModelUsage.NONE;
  }

  /** A person approved what the last {@link Planned.Pause} asked for; the run goes on. */
  default void approved(ObjectNode memory) {}
}
