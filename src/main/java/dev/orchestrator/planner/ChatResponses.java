package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a chat-completions answer, OpenAI's published shape: {@code choices[0].message} with {@code
 * content} and/or {@code tool_calls[]{id, type: "function", function{name, arguments}}} ({@code
 * arguments} a JSON string), {@code finish_reason}, and {@code usage{prompt_tokens,
 * completion_tokens}}; an error answer is {@code {"error": {"message", "type", "code"}}}. Pure: the
 * HTTP status and body in, a {@link ModelReply} out, never an exception.
 */
public final class ChatResponses {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The most characters of a provider's own message quoted in ours. */
  static final int MAX_QUOTED = 300;

  private ChatResponses() {}

  /**
   * The reply for {@code status} and {@code body}; {@code knownTools} are the registered tool names
   * (a call of any other name makes the answer malformed; a known tool the mission does not allow
   * is left for the safety validator to refuse).
   */
  public static ModelReply parse(int status, String body, Set<String> knownTools) {
    JsonNode root = readTree(body);
    if (status < 200 || status > 299) {
      return httpError(status, root, body);
    }
    if (root == null || !root.isObject()) {
      return new ModelReply.Malformed(
          "the answer is not a JSON object: " + quote(body), Optional.empty());
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      return new ModelReply.Failed(
          LlmErrors.ERROR,
          "the model provider answered with an error: " + errorMessage(error),
          false,
          Optional.empty());
    }
    Optional<TokenUsage> usage = usage(root.get("usage"));
    if (usage.isEmpty()) {
      return new ModelReply.Malformed(
          "the answer has no usage{prompt_tokens, completion_tokens}, so its cost cannot be"
              + " counted",
          Optional.empty());
    }
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      return new ModelReply.Malformed("the answer has no choices", usage);
    }
    JsonNode message = choices.get(0).get("message");
    if (message == null || !message.isObject()) {
      return new ModelReply.Malformed("choices[0] has no message object", usage);
    }
    return message(
        (ObjectNode) message, text(choices.get(0).get("finish_reason")), usage.get(), knownTools);
  }

  private static ModelReply message(
      ObjectNode message, Optional<String> finish, TokenUsage usage, Set<String> knownTools) {
    JsonNode content = message.get("content");
    if (content != null && !content.isNull() && !content.isTextual()) {
      return new ModelReply.Malformed("message.content is not a string", Optional.of(usage));
    }
    Optional<String> refusal = text(message.get("refusal"));
    if (refusal.isPresent() && !refusal.get().isBlank()) {
      return new ModelReply.Failed(
          LlmErrors.REFUSED,
          "the model refused: " + quote(refusal.get()),
          false,
          Optional.of(usage));
    }
    JsonNode calls = message.get("tool_calls");
    List<ModelToolCall> parsed = new ArrayList<>();
    ArrayNode echoed = JsonNodeFactory.instance.arrayNode();
    if (calls != null && !calls.isNull()) {
      if (!calls.isArray()) {
        return new ModelReply.Malformed("message.tool_calls is not a list", Optional.of(usage));
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < calls.size(); i++) {
        CallParse call = toolCall(calls.get(i), i, knownTools);
        if (call instanceof CallParse.Bad bad) {
          return new ModelReply.Malformed(bad.problem(), Optional.of(usage));
        }
        ModelToolCall c = ((CallParse.Good) call).call();
        if (!ids.add(c.id())) {
          return new ModelReply.Malformed(
              "tool_calls[" + i + "] repeats the id \"" + c.id() + "\"", Optional.of(usage));
        }
        parsed.add(c);
        // back into the conversation in the protocol's shape, arguments as the model wrote them
        ObjectNode echo = echoed.addObject().put("id", c.id()).put("type", "function");
        echo.putObject("function")
            .put("name", c.name())
            .put("arguments", calls.get(i).path("function").path("arguments").asText());
      }
    }
    Optional<String> text = text(content);
    if (parsed.isEmpty() && finish.filter("content_filter"::equals).isPresent()) {
      return new ModelReply.Failed(
          LlmErrors.REFUSED,
          "the provider's content filter withheld the answer",
          false,
          Optional.of(usage));
    }
    ObjectNode back = JsonNodeFactory.instance.objectNode();
    back.put("role", "assistant");
    if (text.isPresent()) {
      back.put("content", text.get());
    } else {
      back.putNull("content");
    }
    if (!parsed.isEmpty()) {
      back.set("tool_calls", echoed);
    }
    return new ModelReply.Answer(text, parsed, back, finish, usage);
  }

  /** One entry of {@code tool_calls}: a call, or what is wrong with it. */
  private sealed interface CallParse {
    record Good(ModelToolCall call) implements CallParse {}

    record Bad(String problem) implements CallParse {}
  }

  private static CallParse toolCall(JsonNode call, int i, Set<String> knownTools) {
    String at = "tool_calls[" + i + "]";
    if (call == null || !call.isObject()) {
      return new CallParse.Bad(at + " is not an object");
    }
    Optional<String> id = text(call.get("id"));
    if (id.isEmpty() || id.get().isBlank()) {
      return new CallParse.Bad(at + " has no id");
    }
    Optional<String> type = text(call.get("type"));
    if (call.has("type") && !type.filter("function"::equals).isPresent()) {
      return new CallParse.Bad(
          at + " has type " + quote(call.get("type").toString()) + ", expected \"function\"");
    }
    JsonNode function = call.get("function");
    if (function == null || !function.isObject()) {
      return new CallParse.Bad(at + " has no function object");
    }
    Optional<String> name = text(function.get("name"));
    if (name.isEmpty()) {
      return new CallParse.Bad(at + " has no function.name");
    }
    if (!knownTools.contains(name.get())) {
      return new CallParse.Bad(at + " calls unknown tool " + quote(name.get()));
    }
    JsonNode rawArgs = function.get("arguments");
    if (rawArgs == null || !rawArgs.isTextual()) {
      return new CallParse.Bad(
          at + " (" + name.get() + "): function.arguments is not a JSON string");
    }
    String raw = rawArgs.asText();
    if (raw.isBlank()) {
      return new CallParse.Good(
          new ModelToolCall(id.get(), name.get(), JsonNodeFactory.instance.objectNode()));
    }
    JsonNode args = readTree(raw);
    if (args == null || !args.isObject()) {
      return new CallParse.Bad(
          at + " (" + name.get() + "): function.arguments is not a JSON object: " + quote(raw));
    }
    return new CallParse.Good(new ModelToolCall(id.get(), name.get(), args));
  }

  private static Optional<TokenUsage> usage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Optional.empty();
    }
    JsonNode p = usage.get("prompt_tokens");
    JsonNode c = usage.get("completion_tokens");
    if (p == null
        || c == null
        || !p.canConvertToExactIntegral()
        || !c.canConvertToExactIntegral()) {
      return Optional.empty();
    }
    if (!p.canConvertToLong() || !c.canConvertToLong() || p.asLong() < 0 || c.asLong() < 0) {
      return Optional.empty();
    }
    return Optional.of(new TokenUsage(p.asLong(), c.asLong()));
  }

  private static ModelReply httpError(int status, JsonNode root, String body) {
    JsonNode error = root == null ? null : root.get("error");
    String said =
        error != null && !error.isNull() ? errorMessage(error) : quote(body.isBlank() ? "" : body);
    String code =
        error == null ? "" : error.path("code").asText("") + error.path("type").asText("");
    String prefix = "the model provider answered " + status;
    if (status == 429 && code.contains("insufficient_quota")) {
      return new ModelReply.Failed(
          LlmErrors.ERROR,
          prefix + " (quota exhausted; add credit or raise the limit): " + said,
          false,
          Optional.empty());
    }
    if (status == 429) {
      return new ModelReply.Failed(
          LlmErrors.RATE_LIMITED, prefix + ": " + said, true, Optional.empty());
    }
    if (status >= 500) {
      return new ModelReply.Failed(
          LlmErrors.UNAVAILABLE, prefix + ": " + said, true, Optional.empty());
    }
    String hint =
        status == 401 || status == 403
            ? " (check LLM_API_KEY)"
            : status == 404 ? " (check LLM_BASE_URL, which ends in /v1, and LLM_MODEL)" : "";
    return new ModelReply.Failed(
        LlmErrors.ERROR, prefix + hint + ": " + said, false, Optional.empty());
  }

  private static String errorMessage(JsonNode error) {
    if (error.isTextual()) {
      return quote(error.asText());
    }
    String message = error.path("message").asText("");
    String code = error.path("code").isValueNode() ? error.path("code").asText("") : "";
    String type = error.path("type").asText("");
    String kind = !code.isEmpty() ? code : type;
    return (kind.isEmpty() ? "" : kind + ": ")
        + quote(message.isEmpty() ? error.toString() : message);
  }

  private static Optional<String> text(JsonNode n) {
    return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static JsonNode readTree(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  /** {@code text} quoted, cleaned and cut to {@link #MAX_QUOTED} characters. */
  static String quote(String text) {
    String clean = Untrusted.clean(text).replaceAll("\\s+", " ").strip();
    if (clean.length() > MAX_QUOTED) {
      int keep =
          Character.isHighSurrogate(clean.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
      clean = clean.substring(0, keep) + "…";
    }
    return "\"" + clean + "\"";
  }
}
