package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent history}: the most recent runs, newest first, one per line. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "The most recent runs, newest first (dry runs included and marked).",
    footer = {
      "",
      "Exit codes:",
      "  0  ok",
      "  1  the store or configuration failed",
      "  2  bad usage"
    })
final class HistoryCommand implements Callable<Integer> {
  static final int MAX_LIMIT = 10_000;

  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--limit",
      defaultValue = "10",
      paramLabel = "N",
      description = "How many runs, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
  long limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  HistoryCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    int n = (int) Options.range(spec, "--limit", limit, 1, MAX_LIMIT);
    String fmt = Options.oneOf(spec, "--format", format, List.of("table", "json"));
    List<RunRecord> runs;
    try (App app = factory.open()) {
      runs = app.runs().recent(n, Optional.empty());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      Json.print(out, json(runs));
    } else if (runs.isEmpty()) {
      out.println("no runs recorded yet");
    } else {
      table(runs).print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Table table(List<RunRecord> runs) {
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
  private static Optional<Instant> waitingUntil(RunRecord r) {
    return r.status() == RunStatus.QUEUED ? r.notBefore() : Optional.empty();
  }

  private static ObjectNode json(List<RunRecord> runs) {
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
