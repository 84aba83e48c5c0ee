package dev.orchestrator.command;

import java.util.List;

/** What a comment body is: no command at all, only bad commands, or commands (and problems). */
public sealed interface ParseResult {
  /** The comment holds no {@code /agent} line outside code, quotes and HTML comments. */
  record NotACommand() implements ParseResult {}

  /** Every {@code /agent} line was wrong; the reply explains each. */
  record Invalid(List<Problem> problems) implements ParseResult {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** At least one command parsed; other lines may have problems, answered in the same reply. */
  record Parsed(List<SlashCommand> commands, List<Problem> problems) implements ParseResult {
    public Parsed {
      commands = List.copyOf(commands);
      problems = List.copyOf(problems);
    }
  }

  /** A line that was meant as a command and could not be understood. */
  record Problem(int line, String text, String message, List<String> suggestions) {
    public Problem {
      suggestions = List.copyOf(suggestions);
    }

    /** One line for the reply, with "did you mean" when there is a near miss. */
    public String reply() {
      if (suggestions.isEmpty()) {
        return message;
      }
      return message
          + "; did you mean "
          + String.join(" or ", suggestions.stream().map(s -> "`" + s + "`").toList())
          + "?";
    }
  }
}
