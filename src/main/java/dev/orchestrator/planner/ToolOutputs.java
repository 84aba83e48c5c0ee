package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.tool.ToolResult;
import java.util.Map;

/**
 * A tool's result as the content of its {@code role: "tool"} message. A refusal is {@code
 * {"error":"refused","reason":…}} and a failure {@code {"error":<class>,"message":…}}; an output is
 * cleaned of hidden text, stripped of GitHub's API links (which cost tokens and say nothing),
 * capped, and wrapped as untrusted data.
 */
final class ToolOutputs {
  private ToolOutputs() {}

  static String render(String tool, ToolResult result, int maxChars) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    // messages may quote what GitHub or the model said: cleaned like everything else
    if (result instanceof ToolResult.Refused r) {
      return error.put("error", "refused").put("reason", Untrusted.clean(r.reason())).toString();
    }
    if (!result.ok()) {
      return error
          .put("error", result.failureClass().orElse("failed"))
          .put("message", Untrusted.clean(result.summary()))
          .toString();
    }
    String json = prune(Untrusted.clean(result.output())).toString();
    return Untrusted.wrap("result of " + tool, Untrusted.cap(json, maxChars));
  }

  /** Without {@code url}, {@code *_url} (but {@code html_url}), {@code node_id} and links. */
  static JsonNode prune(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> out.add(prune(child)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String k = e.getKey();
      boolean link =
          k.equals("url")
              || (k.endsWith("_url") && !k.equals("html_url"))
              || k.equals("node_id")
              || k.equals("_links")
              || k.equals("gravatar_id");
      if (!link) {
        out.set(k, prune(e.getValue()));
      }
    }
    return out;
  }
}
