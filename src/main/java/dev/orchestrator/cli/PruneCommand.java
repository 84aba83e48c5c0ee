package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.config.Durations;
import dev.orchestrator.config.Settings;
import dev.orchestrator.store.PruneReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent prune}: removes old transcripts, payloads and deliveries; safe while serving. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Remove what is older than the horizon, in small batches that never hold up the server:"
          + " transcripts and stored event payloads of runs finished before it, and deliveries"
          + " received before it once dispatched. Run rows stay (metrics read them), and so do"
          + " delivery ids for at least 4 days (GitHub redelivers for 3).",
      "Then gives the freed space back to the file system with incremental vacuum, in small"
          + " steps. The server does the same daily with RETENTION."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  pruned (also when nothing was old enough)",
      "  1  the store or configuration failed",
      "  2  bad usage (a duration not like 30d, or under 4d)"
    })
final class PruneCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--older-than",
      paramLabel = "AGE",
      description =
          "Prune what is older than AGE: a number and a unit (s, m, h, d), at least 4d"
              + " (default: RETENTION, itself 30d by default).")
  String olderThan;

  PruneCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    Optional<Duration> given = Optional.empty();
    if (olderThan != null) {
      Duration d =
          Durations.parse(olderThan)
              .orElseThrow(
                  () ->
                      Options.usage(
                          spec,
                          "--older-than: expected a duration such as 30d or 720h; found \""
                              + olderThan
                              + "\""));
      if (d.compareTo(Settings.MIN_RETENTION) < 0) {
        throw Options.usage(
            spec,
            "--older-than: at least 4d, since GitHub redelivers for 3 days; found \""
                + olderThan
                + "\"");
      }
      given = Optional.of(d);
    }
    PrintWriter out = spec.commandLine().getOut();
    TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
    PruneReport report;
    String database;
    Duration age;
    try (App app = factory.open()) {
      age = given.orElse(app.settings().retention());
      database = app.database().file().toString();
      report = app.pruner().prune(age, progress);
    } finally {
      progress.done();
    }
    out.println(
        "pruned \""
            + database
            + "\": older than "
            + Durations.format(age)
            + " (before "
            + report.horizon()
            + ")");
    PruneText.print(out, report);
    out.flush();
    return ExitCodes.OK;
  }
}
