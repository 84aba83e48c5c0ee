package dev.orchestrator;

import dev.orchestrator.cli.AgentCommand;
import java.time.Clock;
import picocli.CommandLine;

/** The {@code bin/agent} entry point: exit 0 ok, 1 a failed check or run, 2 bad usage. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line against the real environment. */
  public static int run(String... args) {
    return AgentCommand.commandLine(new AppFactory(System.getenv(), Clock.systemUTC()), args)
        .execute(args);
  }

  /** Kept so that tests can build the same command line with their own factory. */
  static CommandLine commandLine(AppFactory factory) {
    return AgentCommand.commandLine(factory);
  }
}
