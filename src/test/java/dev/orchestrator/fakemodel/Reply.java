package dev.orchestrator.fakemodel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scripted answer: a status, headers and a body. The factories build OpenAI's published shapes:
 * a {@code chat.completion} object with {@code choices[0].message} ({@code content}, {@code
 * tool_calls[]{id, type: "function", function{name, arguments}}}, {@code refusal}), {@code
 * finish_reason} and {@code usage}; errors as {@code {"error": {message, type, param, code}}}.
 */
public record Reply(int status, Map<String, String> headers, String body) {
  private static int ids;

  /** A tool call for {@link #toolCalls}: {@code arguments} is the JSON text the model wrote. */
  public record Call(String name, String arguments) {}

  /** An answer calling one tool. */
  public static Reply toolCall(String name, String arguments, int prompt, int completion) {
    return toolCalls(prompt, completion, new Call(name, arguments));
  }

  /** An answer calling several tools (what {@code parallel_tool_calls: false} should prevent). */
  public static Reply toolCalls(int prompt, int completion, Call... calls) {
    ObjectNode message = message(null);
    ArrayNode list = message.putArray("tool_calls");
    for (Call c : calls) {
      ObjectNode call = list.addObject();
      call.put("id", "call_" + nextId());
      call.put("type", "function");
      call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
    }
    return completion(message, "tool_calls", prompt, completion);
  }

  /** A final answer. */
  public static Reply answer(String content, int prompt, int completion) {
    return completion(message(content), "stop", prompt, completion);
  }

  /** A chat completion around {@code message}. */
  public static Reply completion(
      ObjectNode message, String finishReason, int prompt, int completion) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("id", "chatcmpl-" + nextId());
    root.put("object", "chat.completion");
    root.put("created", 1_741_569_952L);
    root.put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    root.set("usage", usage(prompt, completion));
    root.put("service_tier", "default");
    root.put("system_fingerprint", "fp_06737a9306");
    return json(200, root);
  }

  /** An assistant message with {@code content} (null for none). */
  public static ObjectNode message(String content) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("role", "assistant");
    if (content == null) {
      m.putNull("content");
    } else {
      m.put("content", content);
    }
    m.putNull("refusal");
    m.putArray("annotations");
    return m;
  }

  /** OpenAI's usage object. */
  public static ObjectNode usage(int prompt, int completion) {
    ObjectNode u = JsonNodeFactory.instance.objectNode();
    u.put("prompt_tokens", prompt);
    u.put("completion_tokens", completion);
    u.put("total_tokens", prompt + completion);
    u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    u.putObject("completion_tokens_details")
        .put("reasoning_tokens", 0)
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    return u;
  }

  /** An error answer as OpenAI sends them. */
  public static Reply error(int status, String type, String code, String message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode e = root.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    if (code == null) {
      e.putNull("code");
    } else {
      e.put("code", code);
    }
    return json(status, root);
  }

  /** A 429 rate limit with {@code retry-after: seconds}. */
  public static Reply rateLimited(int retryAfterSeconds) {
    Reply r =
        error(
            429,
            "requests",
            "rate_limit_exceeded",
            "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min"
                + " (RPM): Limit 3, Used 3, Requested 1. Please try again in "
                + retryAfterSeconds
                + "s.");
    return r.withHeader("retry-after", Integer.toString(retryAfterSeconds));
  }

  /** Any body, as is. */
  public static Reply raw(int status, String body) {
    return new Reply(status, Map.of("content-type", "application/json"), body);
  }

  public static Reply json(int status, ObjectNode body) {
    return raw(status, body.toString());
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body);
  }

  private static synchronized int nextId() {
    return ++ids;
  }
}
