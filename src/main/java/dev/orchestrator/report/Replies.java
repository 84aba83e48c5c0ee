package dev.orchestrator.report;

import dev.orchestrator.mission.ArgumentSpec;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionScope;
import dev.orchestrator.runtime.RunRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The markdown of built-in command answers: help, missions, history, explain. */
public final class Replies {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Replies() {}

  public static String help(List<Mission> missions) {
    StringBuilder md = new StringBuilder("#### Commands\n\n");
    md.append("| command | what it does | who may |\n|---|---|---|\n");
    md.append("| `/agent help` | this list | read |\n");
    md.append("| `/agent missions` | the missions this repository may run | read |\n");
    md.append(
        "| `/agent run <mission> [key=value…]` | start a mission (also `/agent <mission>`) | the mission's permission |\n");
    md.append("| `/agent status` | health summary | triage |\n");
    md.append("| `/agent history [n]` | recent runs on this repository | triage |\n");
    md.append(
        "| `/agent approve [run-id]` | approve a run waiting for approval | the mission's permission, not the requester |\n");
    md.append(
        "| `/agent reject [run-id] [reason…]` | reject it | the mission's permission, not the requester |\n");
    md.append(
        "| `/agent cancel [run-id]` | cancel a queued or waiting run | the requester or the mission's permission |\n");
    md.append("| `/agent explain <run-id>` | what happened in a run | triage |\n\n");
    md.append(missions(missions));
    return md.toString();
  }

  public static String missions(List<Mission> missions) {
    if (missions.isEmpty()) {
      return "No missions are available in this repository.\n";
    }
    StringBuilder md = new StringBuilder("#### Missions\n\n");
    md.append(
        "| mission | command | what it does | arguments | permission |\n|---|---|---|---|---|\n");
    for (Mission m : missions) {
      md.append("| `").append(m.name()).append('`');
      if (m.scope() == MissionScope.REPOSITORY) {
        // its author is this repository, not the operator: say where to read or fix it
        md.append(" (repository mission, `").append(Markdown.cell(m.origin())).append("`)");
      }
      md.append(" | ");
      md.append(m.commands().isEmpty() ? "" : "`/agent " + m.commands().get(0) + "`");
      md.append(" | ").append(Markdown.cell(m.description())).append(" | ");
      md.append(arguments(m)).append(" | ").append(m.permission().label());
      if (m.requiresApproval()) {
        md.append(", needs approval");
      }
      md.append(" |\n");
    }
    return md.toString();
  }

  private static String arguments(Mission m) {
    StringBuilder out = new StringBuilder();
    for (ArgumentSpec a : m.arguments().values()) {
      if (out.length() > 0) {
        out.append("<br>");
      }
      out.append('`').append(a.name());
      a.defaultValue()
          .ifPresent(v -> out.append('=').append(v.isTextual() ? v.asText() : v.toString()));
      out.append("` ").append(Markdown.cell(a.description()));
    }
    return out.toString();
  }

  public static String history(List<RunRecord> runs, String repository) {
    if (runs.isEmpty()) {
      return "No runs yet on " + repository + ".\n";
    }
    StringBuilder md = new StringBuilder("#### Recent runs on " + repository + "\n\n");
    md.append(
        "| run | mission | status | trigger | started | duration |\n|---:|---|---|---|---|---:|\n");
    for (RunRecord r : runs) {
      md.append("| ")
          .append(r.id())
          .append(" | `")
          .append(r.mission())
          .append("` | ")
          .append(r.status());
      if (r.dryRun()) {
        md.append(" (dry run)");
      }
      md.append(" | ").append(Markdown.cell(r.trigger())).append(" | ");
      md.append(r.startedAt().map(TIME::format).orElse("—")).append(" | ");
      md.append(r.durationSeconds().map(d -> String.format(Locale.ROOT, "%.1f s", d)).orElse("—"))
          .append(" |\n");
    }
    return md.toString();
  }

  public static String explain(String explanation) {
    return "```text\n" + explanation.replace("```", "'''") + "```\n";
  }
}
