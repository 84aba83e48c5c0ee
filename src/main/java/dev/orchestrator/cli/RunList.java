package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.runtime.RunRecord;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs as a table or a JSON document, for {@code agent history} and {@code agent runs}. */
final class RunList {
  private RunList() {}

  /**
   * Prints {@code runs} as {@code format} ({@code table} or {@code json}); an empty table is the
   * line {@code none}.
   */
  static void print(java.io.PrintWriter out, String format, List<RunRecord> runs, String none) {
    if (format.equals("json")) {
      Json.print(out, json(runs));
    } else if (runs.isEmpty()) {
      out.println(none);
    } else {
      table(runs).print(out);
    }
    out.flush();
  }

  static Table table(List<RunRecord> runs) {
    Table t =
        new Table(
            "ID", "MISSION", "STATUS", "REPOSITORY", "TRIGGER", "STARTED", "DURATION", "DRY_RUN");
    for (RunRecord r : runs) {
      t.row(
          r.id(),
          r.mission(),
          waitingUntil(r)
              .map(nb -> r.status() + " until " + nb.truncatedTo(ChronoUnit.SECONDS))
              .orElse(r.status().name()),
          r.repository()
              .map(repo -> repo + r.issueNumber().map(i -> "#" + i).orElse(""))
              .orElse(null),
          r.trigger(),
          r.startedAt().map(s -> s.truncatedTo(ChronoUnit.SECONDS)).orElse(null),
          r.durationSeconds().map(d -> String.format(Locale.ROOT, "%.1fs", d)).orElse(null),
          r.dryRun() ? "yes" : "no");
    }
    return t;
  }

  /** A queued run's "not before" instant (one cancelled while it waited keeps it, unshown). */
  private static Optional<java.time.Instant> waitingUntil(RunRecord r) {
    return r.status() == dev.orchestrator.runtime.RunStatus.QUEUED
        ? r.notBefore()
        : Optional.empty();
  }

  static ObjectNode json(List<RunRecord> runs) {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("runs");
    for (RunRecord r : runs) {
      ObjectNode o =
          list.addObject()
              .put("id", r.id())
              .put("mission", r.mission())
              .put("status", r.status().name())
              .put("dry_run", r.dryRun())
              .put("trigger", r.trigger())
              .put("installation_id", r.installationId())
              .put("repository", r.repository().orElse(null));
      if (r.issueNumber().isPresent()) {
        o.put("issue_number", r.issueNumber().get());
      } else {
        o.putNull("issue_number");
      }
      o.put("requested_by", r.requestedBy().orElse(null));
      Json.put(o, "created_at", Optional.of(r.createdAt()));
      Json.put(o, "started_at", r.startedAt());
      Json.put(o, "finished_at", r.finishedAt());
      // set while the run waits in the queue for GitHub's rate limit
      Json.put(o, "not_before", waitingUntil(r));
      Json.putRounded(o, "duration_seconds", r.durationSeconds(), 3);
      o.put("tool_call_count", r.toolCallCount())
          .put("token_usage", r.tokenUsage())
          .put("cost_usd", Json.round(r.costUsd(), 6))
          .put("error", r.error().orElse(null));
    }
    return root;
  }
}
