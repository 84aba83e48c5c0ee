package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent cancel <id>}: ends a QUEUED or BLOCKED run from the command line. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancels a run that is queued or waiting for approval (a running run finishes its step"
          + " first and cannot be cancelled). The transcript records it as break glass."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  cancelled",
      "  1  the run does not exist or is not queued or waiting; the store failed",
      "  2  bad usage"
    })
final class CancelCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<run-id>", description = "The run to cancel.")
  long runId;

  @Option(
      names = "--as",
      paramLabel = "<login>",
      defaultValue = "operator",
      description = "Who cancels, recorded in the transcript (default: ${DEFAULT-VALUE}).")
  String as;

  CancelCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    String login = BreakGlass.login(spec, "--as", as);
    return BreakGlass.decide(spec, factory, runId, (a, id) -> a.cancel(id, login, true));
  }
}
