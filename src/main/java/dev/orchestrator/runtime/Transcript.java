package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A run's transcript: one JSON document with the mission, trigger, planner, status, times, every
 * step ({@code index}, {@code tool_call{name, arguments}}, {@code result{ok, output | error{class,
 * message}}}, {@code duration} in seconds, {@code dry_run}, {@code verdict}), decisions, totals and
 * the error. The runbook's {@code jq '.steps[] | {tool: .tool_call.name, duration: .duration}'}
 * reads it.
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

  /** Records one step. */
  public void step(
      ToolCall call,
      Verdict verdict,
      ToolResult result,
      Duration took,
      boolean dryRun,
      long tokens) {
    ArrayNode steps = (ArrayNode) root.get("steps");
    ObjectNode s = steps.addObject();
    s.put("index", steps.size() - 1);
    call.stepId().ifPresent(id -> s.put("step_id", id));
    s.set("tool_call", call.toJson());
    s.put("verdict", verdict.label());
    s.set("result", result.toJson());
    s.put("duration", took.toNanos() / 1e9);
    s.put("dry_run", dryRun && result.recorded());
    s.put("tokens", tokens);
    ObjectNode t = (ObjectNode) root.get("totals");
    t.put("steps", steps.size());
    if (!(result instanceof ToolResult.Refused)) {
      t.put("tool_calls", t.path("tool_calls").asInt() + 1);
    }
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

  /** Records the outcome; a terminal status stamps {@code finished_at} and the totals. */
  public void end(
      RunOutcome outcome, Instant at, double durationSeconds, long tokens, double costUsd) {
    root.put("status", outcome.status().name());
    ObjectNode t = (ObjectNode) root.get("totals");
    t.put("duration", durationSeconds);
    t.put("tokens", tokens);
    t.put("cost_usd", costUsd);
    if (outcome.status().isTerminal()) {
      root.put("finished_at", at.toString());
    }
    if (outcome instanceof RunOutcome.Failed f) {
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
