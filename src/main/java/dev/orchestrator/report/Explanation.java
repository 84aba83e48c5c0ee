package dev.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Says what happened in a run, from its transcript: the trigger, each step and its duration, where
 * and why it failed, the failure class (from the recorded error type), and what to do about it,
 * pointing at the runbook's sections.
 */
public final class Explanation {
  /** Remedy and runbook section per failure class. */
  private static final Map<String, String[]> REMEDIES =
      Map.ofEntries(
          Map.entry(
              "invalid_arguments",
              new String[] {
                "a step passed arguments its tool refuses; fix the step's args in the mission (`agent validate` checks the file)",
                "failure-rate"
              }),
          Map.entry(
              "not_allowed",
              new String[] {
                "the step's tool is not in the mission's allowed_tools; add it there or remove the step",
                "failure-rate"
              }),
          Map.entry(
              "unknown_tool",
              new String[] {
                "the tool does not exist; use one of `agent list-missions`' tools", "failure-rate"
              }),
          Map.entry(
              "refused",
              new String[] {
                "the safety validator refused the call; see the reason above", "failure-rate"
              }),
          Map.entry(
              "template_error",
              new String[] {
                "the mission refers to something the event or an earlier step does not have; check the reference named above against the event payload",
                "failure-rate"
              }),
          Map.entry(
              "offline",
              new String[] {
                "the run had no GitHub credentials; set GITHUB_TOKEN (or APP_ID and PRIVATE_KEY_PATH), or give an event payload that holds what the step reads",
                "failure-rate"
              }),
          Map.entry(
              "github_5xx",
              new String[] {
                "GitHub failed; the run can be started again. Three such failures in a row open the mission's circuit breaker",
                "breaker-open"
              }),
          Map.entry(
              "github_timeout",
              new String[] {
                "GitHub did not answer in time; start the run again later. Three such failures in a row open the mission's circuit breaker",
                "breaker-open"
              }),
          Map.entry(
              "github_outcome_unknown",
              new String[] {
                "a write was sent but its answer was lost; it is looked up by its marker before it is repeated, so starting the run again is safe",
                "breaker-open"
              }),
          Map.entry(
              "github_not_found",
              new String[] {
                "GitHub answered 404: the issue, pull request or file does not exist, or the App cannot see it",
                "failure-rate"
              }),
          Map.entry(
              "rate_limited",
              new String[] {
                "GitHub's rate limit was exhausted; runs now wait in the queue for the reset and go on by themselves, so start this one again",
                "rate-limit-low"
              }),
          Map.entry(
              "timeout",
              new String[] {
                "the run took longer than its mission's timeout; raise `timeout:` or make the mission do less",
                "slow-missions"
              }),
          Map.entry(
              "max_steps",
              new String[] {
                "the run reached its mission's max_steps; raise `max_steps:` or narrow the mission",
                "slow-missions"
              }),
          Map.entry(
              "lease_expired",
              new String[] {
                "the worker running it stopped answering several times (crash or kill); check the server's log around the run's start",
                "failure-rate"
              }),
          Map.entry(
              "llm_not_configured",
              new String[] {"set LLM_BASE_URL, LLM_MODEL and, if needed, LLM_API_KEY", "budget"}),
          Map.entry(
              "budget",
              new String[] {
                "the next model call could have crossed a budget: approve the run to go on with the larger budget it names, or raise `budget:` in the mission; a spent daily budget (LLM_DAILY_BUDGET_USD) resets at 00:00 UTC",
                "budget"
              }),
          Map.entry(
              "llm_unavailable",
              new String[] {
                "the model provider could not be reached, timed out or failed (5xx); start the run again later. Three such failures in a row open the mission's circuit breaker",
                "breaker-open"
              }),
          Map.entry(
              "llm_rate_limited",
              new String[] {
                "the model provider kept answering 429 (rate limited); start the run again later or raise the provider's limits",
                "breaker-open"
              }),
          Map.entry(
              "llm_error",
              new String[] {
                "the model provider refused the request; the message says why (LLM_API_KEY, LLM_MODEL, LLM_BASE_URL or the account's quota)",
                "failure-rate"
              }),
          Map.entry(
              "llm_malformed",
              new String[] {
                "the model's answer broke the tool-calling protocol (bad JSON, unknown tool, no usage); use a model with tool calling, or start the run again",
                "failure-rate"
              }),
          Map.entry(
              "llm_refused",
              new String[] {
                "the model refused, or the provider's content filter withheld its answer; reword the mission's goal",
                "failure-rate"
              }),
          Map.entry(
              "rejected",
              new String[] {
                "a person rejected the run; nothing was written after the rejection",
                "approval-timeouts"
              }),
          Map.entry(
              "expired",
              new String[] {
                "nobody approved the run in time; start it again or raise `approval_timeout:`",
                "approval-timeouts"
              }),
          Map.entry(
              "internal",
              new String[] {
                "a bug in the orchestrator; keep the transcript and report it", "failure-rate"
              }));

  private Explanation() {}

  /** The calls GitHub's rate limit deferred, and the wait of a run back in the queue. */
  private static void waits(JsonNode t, StringBuilder out) {
    for (JsonNode d : t.path("deferrals")) {
      out.append(
          String.format(
              Locale.ROOT,
              "deferred: step %d (%s) until %s: %s%n",
              d.path("after_step").asInt() + 1,
              d.path("tool_call").path("name").asText(),
              d.path("not_before").asText(),
              d.path("reason").asText()));
    }
    if (t.has("waiting_until") && "QUEUED".equals(t.path("status").asText())) {
      out.append("waiting for GitHub's rate limit until ")
          .append(t.path("waiting_until").asText())
          .append("; then a worker goes on from step ")
          .append(t.path("steps").size() + 1)
          .append(", and the steps before it are not repeated\n");
      out.append("runbook: docs/RUNBOOK.md#rate-limit-low\n");
    }
  }

  /** The explanation as plain text (the CLI) or markdown-ish text (comments). */
  public static String text(JsonNode t) {
    StringBuilder out = new StringBuilder();
    out.append("run ")
        .append(t.path("mission_id").asText())
        .append(": mission ")
        .append(t.path("mission").asText());
    out.append(" (").append(t.path("planner").asText()).append(")");
    if (t.path("dry_run").asBoolean()) {
      out.append(", dry run");
    }
    out.append("\nstatus: ").append(t.path("status").asText()).append("\n");
    out.append("trigger: ").append(t.path("trigger").asText()).append("\n");
    out.append("started: ").append(t.path("started_at").asText());
    if (!t.path("finished_at").isNull() && t.has("finished_at")) {
      out.append(", finished: ").append(t.path("finished_at").asText());
    }
    out.append(
        String.format(
            Locale.ROOT, " (%.3f s running)%n", t.path("totals").path("duration").asDouble()));
    JsonNode steps = t.path("steps");
    out.append("steps: ").append(steps.size()).append("\n");
    for (JsonNode s : steps) {
      JsonNode result = s.path("result");
      String outcome;
      if (result.path("ok").asBoolean()) {
        outcome =
            result.path("output").path("recorded").asBoolean()
                ? "recorded (dry run, not sent)"
                : "ok";
      } else {
        outcome =
            "FAILED "
                + result.path("error").path("class").asText()
                + ": "
                + result.path("error").path("message").asText();
      }
      out.append(
          String.format(
              Locale.ROOT,
              "  %2d. %-18s %8.3f s  %s%n",
              s.path("index").asInt() + 1,
              s.path("tool_call").path("name").asText(),
              s.path("duration").asDouble(),
              outcome));
    }
    JsonNode totals = t.path("totals");
    if (totals.has("model_calls")) {
      out.append(
          String.format(
              Locale.ROOT,
              "model: %s, %d calls, %d tokens (%d prompt, %d completion), $%s%n",
              t.path("model").asText("?"),
              totals.path("model_calls").asInt(),
              totals.path("tokens").asLong(),
              totals.path("prompt_tokens").asLong(),
              totals.path("completion_tokens").asLong(),
              totals.path("cost_usd").decimalValue().toPlainString()));
    }
    if (t.path("summary").isTextual()) {
      out.append("summary: ").append(t.path("summary").asText()).append("\n");
    }
    for (JsonNode d : t.path("decisions")) {
      out.append("decision: ")
          .append(d.path("kind").asText())
          .append(" by @")
          .append(d.path("by").asText());
      if (d.path("break_glass").asBoolean()) {
        out.append(" (operator break-glass)");
      }
      if (d.has("reason")) {
        out.append(": ").append(d.path("reason").asText());
      }
      out.append("\n");
    }
    waits(t, out);
    if (t.has("blocked_reason") && "BLOCKED".equals(t.path("status").asText())) {
      out.append("waiting for approval: ").append(t.path("blocked_reason").asText()).append("\n");
    }
    JsonNode error = t.path("error");
    if (error.isObject()) {
      String cls = error.path("class").asText();
      out.append("failed: ").append(error.path("message").asText()).append("\n");
      out.append("failure class: ")
          .append(cls)
          .append(
              error.path("infrastructure").asBoolean()
                  ? " (infrastructure: counts toward the circuit breaker)"
                  : "")
          .append("\n");
      String[] remedy = REMEDIES.getOrDefault(cls, REMEDIES.get("internal"));
      out.append("what to do: ").append(remedy[0]).append("\n");
      out.append("runbook: docs/RUNBOOK.md#").append(remedy[1]).append("\n");
    }
    return out.toString();
  }
}
