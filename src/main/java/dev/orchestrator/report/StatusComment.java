package dev.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.tool.Risk;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolNames;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's one status comment, edited in place as the run moves; while the run is BLOCKED it is the
 * approval request. Always ends with {@code <!-- agent-run:<id> -->} so it is found again.
 */
public final class StatusComment {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private StatusComment() {}

  public static String marker(long runId) {
    return "<!-- agent-run:" + runId + " -->";
  }

  /**
   * Who may decide, and until when, with what the mission may use: shown on approval requests.
   *
   * @param tools the mission's allowed tools, in the order written
   * @param budget the run's model budget in words, for llm missions (e.g. {@code "$0.50, 20000
   *     tokens"})
   */
  public record Approval(
      String permission,
      boolean allowSelfApproval,
      Instant expiresAt,
      List<String> tools,
      Optional<String> budget) {
    public Approval {
      tools = List.copyOf(tools);
    }
  }

  public static String render(
      RunRecord run,
      RunStatus status,
      Optional<JsonNode> transcript,
      Optional<String> summary,
      List<ToolCall> planned,
      Optional<Approval> approval) {
    StringBuilder md = new StringBuilder();
    md.append(icon(status))
        .append(" **run ")
        .append(run.id())
        .append("** · `")
        .append(run.mission())
        .append("` · ")
        .append(words(status));
    run.durationSeconds()
        .filter(d -> status.isTerminal())
        .ifPresent(d -> md.append(String.format(Locale.ROOT, " in %.1f s", d)));
    md.append("\n\n");
    md.append("Started by ").append(Markdown.cell(run.trigger())).append(".\n");
    if (status == RunStatus.BLOCKED && approval.isPresent()) {
      approvalRequest(md, run, planned, approval.get());
    }
    transcript.ifPresent(t -> steps(md, t));
    summary
        .filter(s -> !s.isBlank())
        .ifPresent(s -> md.append("\n").append(s.strip()).append("\n"));
    transcript
        .map(t -> t.path("error"))
        .filter(JsonNode::isObject)
        .ifPresent(
            e ->
                md.append("\n**Failed** (`")
                    .append(e.path("class").asText())
                    .append("`): ")
                    .append(Markdown.cell(e.path("message").asText()))
                    .append("\nSee `/agent explain ")
                    .append(run.id())
                    .append("`.\n"));
    String marker = marker(run.id());
    return Markdown.fit(md.toString(), Markdown.COMMENT_LIMIT - marker.length() - 2)
        + "\n"
        + marker;
  }

  /** The one line a superseded status comment is cut down to. */
  public static String superseded(RunRecord old, long newer) {
    return "~~run "
        + old.id()
        + " · `"
        + old.mission()
        + "` · "
        + words(old.status())
        + "~~ (superseded by run "
        + newer
        + ")\n"
        + marker(old.id());
  }

  private static void approvalRequest(
      StringBuilder md, RunRecord run, List<ToolCall> planned, Approval a) {
    md.append("\n### Approval needed\n\n");
    md.append("This run will make these changes once a person approves:\n\n");
    md.append("| step | tool | risk | arguments |\n|---:|---|---|---|\n");
    int shown = 0;
    for (ToolCall c : planned) {
      Risk risk = ToolNames.riskOf(c.name()).orElse(Risk.READ);
      if (risk == Risk.READ) {
        continue;
      }
      if (++shown > 50) {
        md.append("| … | ").append(planned.size()).append(" calls in all | | |\n");
        break;
      }
      md.append("| ")
          .append(c.index() + 1)
          .append(" | `")
          .append(c.name())
          .append("` | ")
          .append(risk.label())
          .append(" | `")
          .append(Markdown.cell(abbreviate(c.arguments().toString(), 300)))
          .append("` |\n");
    }
    if (!a.tools().isEmpty()) {
      md.append("\n**Tools this mission may use:** ");
      for (int i = 0; i < a.tools().size(); i++) {
        String t = a.tools().get(i);
        md.append(i == 0 ? "" : ", ")
            .append('`')
            .append(t)
            .append("` (")
            .append(ToolNames.riskOf(t).orElse(Risk.READ).label())
            .append(')');
      }
      md.append(".\n");
    }
    if ("llm".equals(run.planner())) {
      md.append("**Model cost so far:** ")
          .append(run.tokenUsage())
          .append(" tokens, $")
          .append(String.format(Locale.ROOT, "%.4f", run.costUsd()))
          .append(a.budget().map(b -> "; the run's budget is " + b).orElse(""))
          .append(". Approving lets it go on within that budget.\n");
    }
    md.append("\n**Who may approve:** anyone with ")
        .append(a.permission())
        .append(" permission on this repository");
    md.append(
        a.allowSelfApproval()
            ? ".\n"
            : run.requestedBy().map(r -> " except @" + r + ", who requested it.\n").orElse(".\n"));
    md.append(
            "**How:** react 👍 (approve) or 👎 (reject) to this comment, comment `/agent approve ")
        .append(run.id())
        .append("` or `/agent reject ")
        .append(run.id())
        .append(" <reason>`, or use the check run's buttons.\n");
    md.append("**Expires:** ")
        .append(TIME.format(a.expiresAt()))
        .append("; after that the run ends as expired.\n");
  }

  private static void steps(StringBuilder md, JsonNode t) {
    JsonNode steps = t.path("steps");
    if (steps.size() == 0) {
      return;
    }
    md.append("\n<details><summary>")
        .append(steps.size())
        .append(steps.size() == 1 ? " step" : " steps")
        .append("</summary>\n\n");
    md.append("| # | tool | result | time |\n|---:|---|---|---:|\n");
    for (JsonNode s : steps) {
      JsonNode r = s.path("result");
      String result =
          r.path("ok").asBoolean()
              ? (r.path("output").path("recorded").asBoolean() ? "recorded (dry run)" : "ok")
              : "failed: " + r.path("error").path("class").asText();
      md.append("| ")
          .append(s.path("index").asInt() + 1)
          .append(" | `")
          .append(s.path("tool_call").path("name").asText())
          .append("` | ")
          .append(Markdown.cell(result))
          .append(String.format(Locale.ROOT, " | %.2f s |%n", s.path("duration").asDouble()));
    }
    md.append("\n</details>\n");
  }

  private static String abbreviate(String s, int max) {
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }

  static String icon(RunStatus s) {
    switch (s) {
      case QUEUED:
        return "⏳";
      case RUNNING:
        return "🏃";
      case BLOCKED:
        return "✋";
      case SUCCEEDED:
        return "✅";
      case FAILED:
        return "❌";
      case REJECTED:
        return "🚫";
      case EXPIRED:
        return "⌛";
      default:
        return "⏹️";
    }
  }

  static String words(RunStatus s) {
    switch (s) {
      case BLOCKED:
        return "waiting for approval";
      default:
        return s.name().toLowerCase(Locale.ROOT);
    }
  }
}
