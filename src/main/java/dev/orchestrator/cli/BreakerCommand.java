package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent breaker}: operator control of the mission circuit breakers. */
@Command(
    name = "breaker",
    mixinStandardHelpOptions = true,
    description = "Mission circuit breakers (one per mission and installation).")
final class BreakerCommand implements Runnable {
  @Spec CommandSpec spec;

  /** The {@code breaker} command with its subcommands. */
  static CommandLine commandLine(AppFactory factory) {
    return new CommandLine(new BreakerCommand())
        .addSubcommand("reset", new BreakerResetCommand(factory));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: reset");
  }
}
