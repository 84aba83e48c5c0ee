package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.planner.ModelUsage;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's transcript: one JSON document with the mission, trigger, planner, status, times, every
 * step ({@code index}, {@code tool_call{name, arguments}}, {@code result{ok, output | error{class,
 * message}}}, {@code duration} in seconds, {@code dry_run}, {@code verdict}, {@code tokens} and
 * {@code cost_usd} of the model call that chose it), the model calls of llm runs ({@code
 * model_calls[]}), decisions, totals ({@code steps}, {@code tool_calls}, {@code duration}, {@code
 * tokens}, {@code cost_usd}; for llm runs also {@code model_calls}, {@code prompt_tokens}, {@code
 * completion_tokens} and the run's {@code model}) and the error; the calls GitHub's rate limit
 * deferred ({@code deferrals[]}) and, while the run waits in the queue, {@code waiting_until}. The
 * runbook's {@code jq '.steps[] | {tool: .tool_call.name, duration: .duration}'} reads it.
 */
public final class Transcript {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root;

  private Transcript(ObjectNode root) {
    this.root = root;
  }

  /** A new transcript for run {@code runId}. */
  public static Transcript start(
      long runId, String mission, String planner, String trigger, boolean dryRun, Instant at) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("mission_id", Long.toString(runId));
    r.put("mission", mission);
    r.put("trigger", trigger);
    r.put("planner", planner);
    r.put("status", RunStatus.RUNNING.name());
    r.put("dry_run", dryRun);
    r.put("started_at", at.toString());
    r.putNull("finished_at");
    r.putArray("steps");
    r.putArray("decisions");
    ObjectNode totals = r.putObject("totals");
    totals.put("steps", 0);
    totals.put("tool_calls", 0);
    totals.put("duration", 0.0);
    totals.put("tokens", 0);
    totals.put("cost_usd", 0.0);
    r.putNull("error");
    return new Transcript(r);
  }

  /** Reads a stored transcript. */
  public static Transcript parse(String json) {
    try {
      return new Transcript((ObjectNode) JSON.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException("reading transcript: " + e.getMessage(), e);
    }
  }

  /**
   * Records one step; {@code spent} is what the model call that chose it cost (nothing for
   * deterministic steps and for later calls of the same model answer).
   */
  public void step(
      ToolCall call,
      Verdict verdict,
      ToolResult result,
      Duration took,
      boolean dryRun,
      ModelUsage spent) {
    ArrayNode steps = (ArrayNode) root.get("steps");
    ObjectNode s = steps.addObject();
    s.put("index", steps.size() - 1);
    call.stepId().ifPresent(id -> s.put("step_id", id));
    s.set("tool_call", call.toJson());
    s.put("verdict", verdict.label());
    s.set("result", result.toJson());
    s.put("duration", took.toNanos() / 1e9);
    s.put("dry_run", dryRun && result.recorded());
    s.put("tokens", spent.tokens());
    s.put("cost_usd", spent.costUsd());
    ObjectNode t = (ObjectNode) root.get("totals");
    t.put("steps", steps.size());
    if (!(result instanceof ToolResult.Refused)) {
      t.put("tool_calls", t.path("tool_calls").asInt() + 1);
    }
  }

  /**
   * Records a model call: {@code model_calls[]} of {@code {index, after_step, prompt_tokens,
   * completion_tokens, tokens, cost_usd}}, where {@code after_step} counts the steps before it.
   */
  public void modelCall(ModelUsage spent) {
    ArrayNode calls =
        root.has("model_calls")
            ? (ArrayNode) root.get("model_calls")
            : root.putArray("model_calls");
    ObjectNode c = calls.addObject();
    c.put("index", calls.size() - 1);
    c.put("after_step", root.path("steps").size());
    c.put("prompt_tokens", spent.promptTokens());
    c.put("completion_tokens", spent.completionTokens());
    c.put("tokens", spent.tokens());
    c.put("cost_usd", spent.costUsd());
  }

  /**
   * Records a call the rate-limit governor deferred ({@code deferrals[]} of {@code {after_step,
   * tool_call, not_before, reason, at}}); it is no step, since GitHub did not perform it.
   */
  public void deferral(ToolCall call, Instant notBefore, String reason, Instant at) {
    ArrayNode all =
        root.has("deferrals") ? (ArrayNode) root.get("deferrals") : root.putArray("deferrals");
    ObjectNode d = all.addObject();
    d.put("after_step", root.path("steps").size());
    d.set("tool_call", call.toJson());
    d.put("not_before", notBefore.toString());
    d.put("reason", reason);
    d.put("at", at.toString());
  }

  /** Records a human's or an operator's decision on the run. */
  public void decision(
      String kind, String by, Optional<String> reason, Instant at, boolean breakGlass) {
    ObjectNode d = ((ArrayNode) root.get("decisions")).addObject();
    d.put("kind", kind);
    d.put("by", by);
    reason.ifPresent(r -> d.put("reason", r));
    d.put("at", at.toString());
    if (breakGlass) {
      d.put("break_glass", true);
    }
  }

  /**
   * Records the outcome and the totals (the run's whole model usage so far); a terminal status
   * stamps {@code finished_at}.
   */
  public void end(RunOutcome outcome, Instant at, double durationSeconds, ModelUsage usage) {
    root.put("status", outcome.status().name());
    ObjectNode t = (ObjectNode) root.get("totals");
    t.put("duration", durationSeconds);
    t.put("tokens", usage.tokens());
    t.put("cost_usd", usage.costUsd());
    if (usage.calls() > 0 || usage.model().isPresent()) {
      t.put("model_calls", usage.calls());
      t.put("prompt_tokens", usage.promptTokens());
      t.put("completion_tokens", usage.completionTokens());
      usage.model().ifPresent(m -> root.put("model", m));
    }
    if (outcome.status().isTerminal()) {
      root.put("finished_at", at.toString());
    }
    root.remove("waiting_until");
    if (outcome instanceof RunOutcome.Deferred d) {
      root.put("waiting_until", d.notBefore().toString());
    } else if (outcome instanceof RunOutcome.Failed f) {
      ObjectNode e = root.putObject("error");
      e.put("class", f.errorClass());
      e.put("message", f.message());
      e.put("infrastructure", f.infrastructure());
    } else if (outcome instanceof RunOutcome.Blocked b) {
      root.put("blocked_reason", b.reason());
    } else if (outcome instanceof RunOutcome.Succeeded s && !s.summary().isEmpty()) {
      root.put("summary", s.summary());
    }
  }

  /** Records a status set outside the runner (a decision); terminal ones stamp the end. */
  public void status(RunStatus status, Instant at) {
    root.put("status", status.name());
    if (status.isTerminal()) {
      root.put("finished_at", at.toString());
    }
  }

  /** How many tool calls were made (refusals excluded). */
  public int toolCalls() {
    return root.path("totals").path("tool_calls").asInt();
  }

  public JsonNode json() {
    return root;
  }

  @Override
  public String toString() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException("writing transcript", e);
    }
  }
}
