package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.health.HealthLevel;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.report.StatusJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent status}: the health of the runs finished in the last hours. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Health of the runs finished in the last hours (dry runs not counted).",
    footer = {
      "",
      "Exit codes:",
      "  0  the report was printed, whatever the health (unless --fail-on)",
      "  1  health is as bad as --fail-on or worse,",
      "     or the store or the configuration failed",
      "  2  bad usage"
    })
final class StatusCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--lookback-hours",
      defaultValue = "24",
      paramLabel = "N",
      description = "Window of finished runs, in hours (default: ${DEFAULT-VALUE}).")
  long lookbackHours;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit 1 when health is LEVEL or worse: degraded or unhealthy. UNKNOWN (nothing"
              + " finished) never fails.")
  String failOn;

  StatusCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    long hours =
        Options.range(spec, "--lookback-hours", lookbackHours, 1, StatusJson.MAX_LOOKBACK_HOURS);
    String fmt = Options.oneOf(spec, "--format", format, List.of("text", "table", "json"));
    HealthLevel threshold =
        failOn == null
            ? null
            : HealthLevel.valueOf(
                Options.oneOf(spec, "--fail-on", failOn, List.of("degraded", "unhealthy"))
                    .toUpperCase(Locale.ROOT));
    HealthReport report;
    try (App app = factory.open()) {
      report = app.health().report(Duration.ofHours(hours));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case "json":
        out.println(StatusJson.render(report, hours));
        break;
      case "table":
        StatusText.table(out, report, hours);
        break;
      default:
        StatusText.text(out, report, hours);
    }
    out.flush();
    return fails(report.level(), threshold) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** HEALTHY < DEGRADED < UNHEALTHY; UNKNOWN is not a failure. */
  static boolean fails(HealthLevel level, HealthLevel threshold) {
    if (threshold == null || level == HealthLevel.UNKNOWN) {
      return false;
    }
    return level.ordinal() >= threshold.ordinal();
  }
}
