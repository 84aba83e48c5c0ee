package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent approve <id> --as <login>}: break-glass approval of a BLOCKED run. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approves a run waiting for approval (BLOCKED) without GitHub: break glass, for when nobody"
          + " permitted can approve on GitHub. The run is queued again and a running server's"
          + " workers resume it; the transcript records the approval as break glass."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  approved",
      "  1  the run does not exist or is not waiting for approval; the store failed",
      "  2  bad usage"
    })
final class ApproveCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<run-id>", description = "The run to approve.")
  long runId;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "<login>",
      description = "Who approves: recorded in the transcript.")
  String as;

  ApproveCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    String login = BreakGlass.login(spec, "--as", as);
    return BreakGlass.decide(spec, factory, runId, (a, id) -> a.approve(id, login, true));
  }
}
