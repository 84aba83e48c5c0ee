package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent breaker reset}: closes breakers so that their missions' queued runs can start. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Closes the mission circuit breakers that match (all of them without options) and clears"
          + " their failure counts."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  ok, also when none was open",
      "  1  the store or configuration failed",
      "  2  bad usage"
    })
final class BreakerResetCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(names = "--mission", paramLabel = "M", description = "Only this mission's breakers.")
  String mission;

  @Option(
      names = "--installation",
      paramLabel = "I",
      description = "Only this installation's breakers (0: runs without an installation).")
  Long installation;

  BreakerResetCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    if (installation != null) {
      Options.range(spec, "--installation", installation, 0, Long.MAX_VALUE);
    }
    if (mission != null && mission.isBlank()) {
      throw Options.usage(spec, "--mission: expected a mission name; found \"\"");
    }
    int reset;
    try (App app = factory.open()) {
      reset = app.breaker().reset(Optional.ofNullable(mission), Optional.ofNullable(installation));
    }
    PrintWriter out = spec.commandLine().getOut();
    String scope = scope();
    if (reset == 0) {
      out.println("no open circuit breaker" + scope + "; failure counts cleared");
    } else {
      out.println("closed " + reset + " circuit breaker" + (reset == 1 ? "" : "s") + scope);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private String scope() {
    List<String> parts = new ArrayList<>();
    if (mission != null) {
      parts.add("mission \"" + mission + "\"");
    }
    if (installation != null) {
      parts.add("installation " + installation);
    }
    return parts.isEmpty() ? "" : " for " + String.join(", ", parts);
  }
}
