package dev.orchestrator.mission;

import java.util.regex.Pattern;

/** The shape of mission, command, argument and step names. */
final class Names {
  /** Mission and command names: what people type after {@code /agent}. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  /** Argument names: typed as {@code key=value} and read as {@code args.<name>}. */
  static final Pattern ARGUMENT = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** Step ids: read as {@code steps.<id>.output}. */
  static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private Names() {}

  /** Checks a mission or command name: its shape, and that it is not a built-in command. */
  static boolean checkName(Located<String> name, String label, Problems problems) {
    if (!NAME.matcher(name.value()).matches()) {
      problems.at(
          name,
          label
              + ": expected lowercase letters, digits, \"-\" or \"_\", starting with a letter"
              + " (at most 64), found "
              + Words.quote(name.value()));
      return false;
    }
    if (BuiltinCommands.isBuiltin(name.value())) {
      problems.at(
          name,
          label
              + ": "
              + Words.quote(name.value())
              + " is a built-in command ("
              + String.join(" ", BuiltinCommands.NAMES)
              + "); choose another name");
      return false;
    }
    return true;
  }
}
