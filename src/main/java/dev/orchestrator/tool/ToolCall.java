package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a tool in a run.
 *
 * @param name the tool's name
 * @param arguments the arguments as planned (templated values, or a model's JSON); absent or {@code
 *     null} arguments become an empty object, any other non-object is kept for the validator to
 *     report
 * @param index the step's index in the run's transcript, unique within the run (a {@code for_each}
 *     step gives each item its own index); it names the call in {@code <!-- agent-out:run:index
 *     -->}
 * @param stepId the mission step's {@code id}, when it has one
 */
public record ToolCall(String name, JsonNode arguments, int index, Optional<String> stepId) {
  public ToolCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stepId, "stepId");
    if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
      arguments = JsonNodeFactory.instance.objectNode();
    }
    if (index < 0) {
      throw new IllegalArgumentException("tool call index must not be negative, found " + index);
    }
  }

  /** A call without a step id. */
  public ToolCall(String name, JsonNode arguments, int index) {
    this(name, arguments, index, Optional.empty());
  }

  /** The transcript's {@code tool_call}: {@code {"name": ..., "arguments": ...}}. */
  public JsonNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("name", name);
    json.set("arguments", arguments);
    return json;
  }
}
