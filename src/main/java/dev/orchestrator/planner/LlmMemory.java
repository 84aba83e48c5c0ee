package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Budget;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The LLM planner's part of a run's memory, {@code memory.llm}: the whole conversation ({@code
 * messages}, exactly as sent), the model's tool calls not yet made ({@code queue}), what was spent
 * ({@code model_calls}, {@code prompt_tokens}, {@code completion_tokens}, {@code cost_usd} as an
 * exact decimal string), the run's budget limits once approval raised them ({@code limits}, and
 * {@code raise} while a raise waits for approval), and {@code failed}. {@code memory.calls} counts
 * the tool calls observed, as for deterministic runs. Persisted with the run, so a blocked run
 * resumes with its history.
 */
final class LlmMemory {
  private final ObjectNode memory;
  private final ObjectNode llm;

  LlmMemory(ObjectNode memory) {
    this.memory = memory;
    this.llm = memory.has("llm") ? (ObjectNode) memory.get("llm") : memory.putObject("llm");
  }

  ArrayNode messages() {
    return array("messages");
  }

  ArrayNode queue() {
    return array("queue");
  }

  private ArrayNode array(String name) {
    return llm.has(name) ? (ArrayNode) llm.get(name) : llm.putArray(name);
  }

  /** Tool calls observed so far: the index of the next one. */
  int calls() {
    return memory.path("calls").asInt(0);
  }

  void called() {
    memory.put("calls", calls() + 1);
  }

  int modelCalls() {
    return llm.path("model_calls").asInt(0);
  }

  long promptTokens() {
    return llm.path("prompt_tokens").asLong(0);
  }

  long completionTokens() {
    return llm.path("completion_tokens").asLong(0);
  }

  BigDecimal costUsd() {
    return new BigDecimal(llm.path("cost_usd").asText("0"));
  }

  /** Counts one answered model call. */
  void account(TokenUsage usage, BigDecimal cost) {
    llm.put("model_calls", modelCalls() + 1);
    llm.put("prompt_tokens", promptTokens() + usage.prompt());
    llm.put("completion_tokens", completionTokens() + usage.completion());
    llm.put("cost_usd", costUsd().add(cost).toPlainString());
  }

  /** The run's limits: raised ones once approved, else the mission's budget. */
  BudgetGuard.Limits limits(Optional<Budget> budget) {
    if (llm.has("limits")) {
      return read(llm.get("limits"));
    }
    return budget
        .map(b -> new BudgetGuard.Limits(b.tokens(), b.usd()))
        .orElseGet(BudgetGuard.Limits::none);
  }

  /** Remembers the limits an approval would grant. */
  void raiseOnApproval(BudgetGuard.Limits raised) {
    llm.set("raise", write(raised));
  }

  /** A person approved: the waiting raise becomes the run's limits. */
  void approve() {
    if (llm.has("raise")) {
      llm.set("limits", llm.remove("raise"));
      llm.put("approved_raises", llm.path("approved_raises").asInt(0) + 1);
    }
  }

  Optional<JsonNode> failed() {
    return Optional.ofNullable(llm.get("failed"));
  }

  void fail(String errorClass, String message, boolean infrastructure) {
    ObjectNode f = llm.putObject("failed");
    f.put("class", errorClass);
    f.put("message", message);
    f.put("infrastructure", infrastructure);
  }

  private static ObjectNode write(BudgetGuard.Limits l) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    l.tokens().ifPresent(t -> o.put("tokens", t));
    l.usd().ifPresent(u -> o.put("usd", u.toPlainString()));
    return o;
  }

  private static BudgetGuard.Limits read(JsonNode n) {
    return new BudgetGuard.Limits(
        n.has("tokens") ? OptionalLong.of(n.get("tokens").asLong()) : OptionalLong.empty(),
        n.has("usd") ? Optional.of(new BigDecimal(n.get("usd").asText())) : Optional.empty());
  }
}
