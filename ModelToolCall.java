package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One tool call in a model's answer.
 *
 * @param id the call's {@code id}, which its {@code role: "tool"} answer names as {@code
 *     tool_call_id}
 * @param name {@code function.name}
 * @param arguments {@code function.arguments} parsed: always a JSON object
 */
public record ModelToolCall(String id, String name, JsonNode arguments) {
  public ModelToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }
}
