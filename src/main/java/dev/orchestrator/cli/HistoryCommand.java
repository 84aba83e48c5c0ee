package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.runtime.RunRecord;
import java.util.List;
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
    RunList.print(spec.commandLine().getOut(), fmt, runs, "no runs recorded yet");
    return ExitCodes.OK;
  }
}
