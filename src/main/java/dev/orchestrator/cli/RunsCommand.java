package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent runs}: runs from the database by status and repository, newest first; what an
 * operator reads to see what is queued, blocked or running now, also while a server runs.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Runs by status and repository, newest first (e.g. --status queued).",
    footer = {
      "",
      "Exit codes:",
      "  0  ok (also when no run matches)",
      "  1  the store or configuration failed",
      "  2  bad usage"
    })
final class RunsCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "Only runs in this status: queued, running, blocked, succeeded, failed, ...")
  String status;

  @Option(
      names = "--repo",
      paramLabel = "OWNER/REPO",
      description = "Only runs on this repository.")
  String repo;

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description =
          "How many runs, 1 to " + HistoryCommand.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
  long limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  RunsCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    int n = (int) Options.range(spec, "--limit", limit, 1, HistoryCommand.MAX_LIMIT);
    String fmt = Options.oneOf(spec, "--format", format, List.of("table", "json"));
    Optional<RunStatus> wanted =
        status == null
            ? Optional.empty()
            : Optional.of(
                RunStatus.valueOf(
                    Options.oneOf(
                            spec,
                            "--status",
                            status.toLowerCase(Locale.ROOT),
                            Arrays.stream(RunStatus.values())
                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                .toList())
                        .toUpperCase(Locale.ROOT)));
    Optional<String> repository = Optional.ofNullable(repo);
    if (repository.isPresent() && !repository.get().matches("[^/\\s]+/[^/\\s]+")) {
      throw Options.usage(spec, "--repo: expected OWNER/REPO; found \"" + repository.get() + "\"");
    }
    List<RunRecord> runs;
    try (App app = factory.open()) {
      runs = app.runs().list(wanted, repository, n);
    }
    RunList.print(
        spec.commandLine().getOut(),
        fmt,
        runs,
        "no runs"
            + wanted.map(w -> " " + w.name().toLowerCase(Locale.ROOT)).orElse("")
            + repository.map(r -> " on " + r).orElse(""));
    return ExitCodes.OK;
  }
}
