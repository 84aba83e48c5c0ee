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
    return build(factory, null);
  }

  /**
   * The command line to execute {@code args} with: when the first argument names a subcommand, only
   * that one is added (see {@link Registrar}); it parses and answers {@code args} exactly as {@link
   * #commandLine(AppFactory)} would.
   */
  public static CommandLine commandLine(AppFactory factory, String... args) {
    boolean named = args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help");
    CommandLine cl = build(factory, named ? args[0] : null);
    if (named && !cl.getSubcommands().containsKey(args[0])) {
      return build(factory, null); // not a subcommand: picocli's own error and suggestions
    }
    return cl;
  }

  private static CommandLine build(AppFactory factory, String only) {
    CommandLine cl = new CommandLine(new AgentCommand(factory));
    Subcommands.register(new Registrar(cl, only), factory);
    cl.setExecutionExceptionHandler(new FailureHandler());
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }
}
