package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.Tool;
import dev.orchestrator.tool.ToolRegistry;
import java.util.Optional;

/**
 * The chat-completions request: the model, the conversation, the mission's allowed tools as
 * functions (name, description, the tool's JSON Schema as {@code parameters}), {@code
 * parallel_tool_calls: false}, and the completion cap under its configured name. Pure.
 */
final class ChatRequest {
  private ChatRequest() {}

  /** The request body. */
  static ObjectNode body(ModelConfig config, ArrayNode messages, ArrayNode tools) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("model", config.model());
    body.set("messages", messages);
    if (!tools.isEmpty()) {
      // parallel_tool_calls is only valid next to tools
      body.set("tools", tools);
      body.put("parallel_tool_calls", false);
    }
    body.put(config.capParam(), config.cap());
    return body;
  }

  /** The mission's allowed tools, in the mission's order, as OpenAI function tools. */
  static ArrayNode tools(Mission mission, ToolRegistry registry) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (String name : mission.allowedTools()) {
      Optional<Tool> tool = registry.find(name);
      if (tool.isEmpty()) {
        continue; // the loader rejects unknown tools; a registry without it offers nothing
      }
      ObjectNode function = out.addObject().put("type", "function").putObject("function");
      function.put("name", name);
      function.put("description", tool.get().description());
      function.set("parameters", parameters(tool.get().argumentSchema()));
    }
    return out;
  }

  /** The schema without the keys that describe the document rather than the arguments. */
  private static JsonNode parameters(JsonNode schema) {
    ObjectNode p = schema.deepCopy();
    p.remove("$schema");
    p.remove("$id");
    p.remove("title");
    p.remove("description"); // already the function's description
    return p;
  }
}
