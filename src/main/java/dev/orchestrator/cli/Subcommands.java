package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;

/**
 * The one list of subcommands; each gets the factory so it can open the application. The {@link
 * Registrar} adds them all, or only the one a command line names.
 */
final class Subcommands {
  private Subcommands() {}

  static void register(Registrar cl, AppFactory factory) {
    // Subcommands are added here, one line each.
    cl.addSubcommand(new ServeCommand(factory));
    cl.addSubcommand("status", new StatusCommand(factory));
    cl.addSubcommand("history", new HistoryCommand(factory));
    cl.addSubcommand(new RunsCommand(factory));
    cl.addSubcommand("breaker", () -> BreakerCommand.commandLine(factory));
    cl.addSubcommand(new ListMissionsCommand(factory));
    cl.addSubcommand(new ValidateCommand(factory));
    cl.addSubcommand(new RunCommand(factory));
    cl.addSubcommand(new ExplainCommand(factory));
    cl.addSubcommand(new BackupCommand(factory));
    cl.addSubcommand(new RestoreCommand(factory));
    cl.addSubcommand(new PruneCommand(factory));
    cl.addSubcommand(new DoctorCommand(factory));
    cl.addSubcommand(new ReceiveCommand(factory));
    cl.addSubcommand(new RunDueCommand(factory));
    cl.addSubcommand(new ApproveCommand(factory));
    cl.addSubcommand(new CancelCommand(factory));
    cl.addSubcommand(new RedispatchCommand(factory));
  }
}
