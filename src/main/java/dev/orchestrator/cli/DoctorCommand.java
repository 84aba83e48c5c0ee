package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import dev.orchestrator.doctor.Doctor;
import dev.orchestrator.doctor.Finding;
import dev.orchestrator.doctor.Level;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent doctor}: configuration and connectivity checks, one line each. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the configuration and what it points at, one line per check:"
          + " `ok|warn|fail  <check>: <what was found and what to do>`.",
      "Checks: configuration, mode, private key and App JWT, webhook secret, database, missions,"
          + " llm settings and, if reachable, GitHub (the App, its installations, the rate"
          + " limit). GitHub unreachable is a warning. Changes nothing."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  no check failed (warnings allowed)",
      "  1  at least one check failed",
      "  2  bad usage"
    })
final class DoctorCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  DoctorCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    List<Finding> findings = new Doctor(factory.inspectConfig(), factory.clock()).run();
    PrintWriter out = spec.commandLine().getOut();
    findings.forEach(f -> out.println(f.render()));
    long failed = findings.stream().filter(f -> f.level() == Level.FAIL).count();
    long warned = findings.stream().filter(f -> f.level() == Level.WARN).count();
    out.println(
        failed == 0 && warned == 0
            ? "all " + findings.size() + " checks ok"
            : Plural.of(failed, "failure") + ", " + Plural.of(warned, "warning"));
    out.flush();
    return Doctor.failed(findings) ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
