package dev.orchestrator.cli;

import java.util.Arrays;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Where {@link Subcommands} adds the subcommands: to the command line, every one of them, or only
 * the one the arguments name. Picocli reflects over a command's annotations when it is added, a few
 * milliseconds each before the JIT has warmed up, so {@code agent history} need not pay for the
 * other sixteen. Without a name (help, the version, a misspelt command) every subcommand is added,
 * so the listing and picocli's suggestions stay whole.
 */
final class Registrar {
  private final CommandLine commandLine;
  private final String only;

  /** Adds to {@code commandLine} every subcommand ({@code only == null}) or the one named so. */
  Registrar(CommandLine commandLine, String only) {
    this.commandLine = commandLine;
    this.only = only;
  }

  /** Adds an annotated command under the name (and aliases) its {@code @Command} gives it. */
  void addSubcommand(Object command) {
    if (only == null || named(command.getClass().getAnnotation(Command.class))) {
      commandLine.addSubcommand(command);
    }
  }

  /** Adds an annotated command under {@code name}. */
  void addSubcommand(String name, Object command) {
    if (only == null || only.equals(name)) {
      commandLine.addSubcommand(name, command);
    }
  }

  /** Adds a command with subcommands of its own under {@code name}, built only when wanted. */
  void addSubcommand(String name, Supplier<CommandLine> command) {
    if (only == null || only.equals(name)) {
      commandLine.addSubcommand(name, command.get());
    }
  }

  private boolean named(Command annotation) {
    if (annotation == null) {
      throw new IllegalArgumentException("a subcommand without @Command needs a name");
    }
    return only.equals(annotation.name()) || Arrays.asList(annotation.aliases()).contains(only);
  }
}
