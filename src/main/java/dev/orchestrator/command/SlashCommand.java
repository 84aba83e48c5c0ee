package dev.orchestrator.command;

import java.util.Map;
import java.util.Optional;

/**
 * One parsed {@code /agent …} line. {@code line} is its 1-based line number in the comment, part of
 * the run's idempotency key ({@code comment:<id>:<line>}).
 */
public sealed interface SlashCommand {
  int line();

  /** The built-in name ({@code run} for mission runs). */
  String name();

  /** True for commands answered directly, never queued as runs. */
  default boolean isBuiltIn() {
    return true;
  }

  record Help(int line) implements SlashCommand {
    @Override
    public String name() {
      return "help";
    }
  }

  record Missions(int line) implements SlashCommand {
    @Override
    public String name() {
      return "missions";
    }
  }

  /**
   * Start a mission; {@code via} is the word the user typed ({@code run}, the name or its command).
   */
  record Run(int line, String mission, Map<String, String> arguments, String via)
      implements SlashCommand {
    public Run {
      arguments = Map.copyOf(arguments);
    }

    @Override
    public String name() {
      return "run";
    }

    @Override
    public boolean isBuiltIn() {
      return false;
    }
  }

  record Status(int line) implements SlashCommand {
    @Override
    public String name() {
      return "status";
    }
  }

  record History(int line, int limit) implements SlashCommand {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    @Override
    public String name() {
      return "history";
    }
  }

  record Approve(int line, Optional<Long> runId) implements SlashCommand {
    @Override
    public String name() {
      return "approve";
    }
  }

  record Reject(int line, Optional<Long> runId, Optional<String> reason) implements SlashCommand {
    @Override
    public String name() {
      return "reject";
    }
  }

  record Cancel(int line, Optional<Long> runId) implements SlashCommand {
    @Override
    public String name() {
      return "cancel";
    }
  }

  record Explain(int line, long runId) implements SlashCommand {
    @Override
    public String name() {
      return "explain";
    }
  }
}
