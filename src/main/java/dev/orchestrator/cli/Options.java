package dev.orchestrator.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of option values that picocli's types cannot express; a bad value exits 2. */
final class Options {
  private Options() {}

  /** A usage error (exit 2) saying {@code message}. */
  static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** {@code value} lower-cased when it is one of {@code allowed}, else a usage error. */
  static String oneOf(CommandSpec spec, String option, String value, List<String> allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw usage(
          spec, option + ": expected " + String.join(", ", allowed) + "; found \"" + value + "\"");
    }
    return v;
  }

  /** {@code value} when it lies in {@code [min, max]}, else a usage error. */
  static long range(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw usage(
          spec, option + ": expected a number from " + min + " to " + max + "; found " + value);
    }
    return value;
  }
}
