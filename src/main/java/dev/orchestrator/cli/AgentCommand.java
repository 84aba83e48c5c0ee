package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code agent} command; every subcommand is registered here. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    version = "agent-orchestrator 0.1.0",
    description = "Runs agent missions from GitHub webhooks and comment commands.",
    subcommands = {CommandLine.HelpCommand.class})
public final class AgentCommand implements Runnable {
  final AppFactory factory;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  AgentCommand(AppFactory factory) {
    this.factory = factory;
  }

  /** The command line with every subcommand and the product's exit codes. */
  public static CommandLine commandLine(AppFactory factory) {
    CommandLine cl = new CommandLine(new AgentCommand(factory));
    Subcommands.register(cl, factory);
    cl.setExecutionExceptionHandler(new FailureHandler());
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }
}
