package dev.orchestrator.fakemodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The request checks the real API makes and a client can get wrong: a model, a list of messages
 * with known roles, tools of type function, and every {@code role: "tool"} message answering a tool
 * call of the assistant message before it, each call answered before the conversation goes on.
 */
final class Protocol {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool");

  private Protocol() {}

  static Optional<String> check(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (Exception e) {
      return Optional.of("the request body is not JSON");
    }
    if (root == null || !root.path("model").isTextual()) {
      return Optional.of("you must provide a model parameter");
    }
    JsonNode messages = root.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return Optional.of("'messages' must be a non-empty array");
    }
    for (JsonNode tool : root.path("tools")) {
      if (!"function".equals(tool.path("type").asText())
          || !tool.path("function").path("name").isTextual()) {
        return Optional.of("each tool must be {type: function, function: {name, …}}");
      }
    }
    if (root.has("parallel_tool_calls") && !root.has("tools")) {
      return Optional.of("parallel_tool_calls is only allowed when tools are specified");
    }
    Set<String> open = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = m.path("role").asText();
      if (!ROLES.contains(role)) {
        return Optional.of("messages[" + i + "].role \"" + role + "\" is not a role");
      }
      if (role.equals("tool")) {
        if (!open.remove(m.path("tool_call_id").asText())) {
          return Optional.of(
              "messages with role 'tool' must be a response to a preceeding message with"
                  + " 'tool_calls' (messages["
                  + i
                  + "])");
        }
        continue;
      }
      if (!open.isEmpty()) {
        return Optional.of(
            "an assistant message with 'tool_calls' must be followed by tool messages responding"
                + " to each 'tool_call_id'; missing "
                + open);
      }
      if (role.equals("assistant")) {
        for (JsonNode call : m.path("tool_calls")) {
          open.add(call.path("id").asText());
        }
      }
    }
    if (!open.isEmpty()) {
      return Optional.of("tool calls " + open + " have no tool message answering them");
    }
    return Optional.empty();
  }
}
