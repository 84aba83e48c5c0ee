package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process with a given environment, capturing out, err and exit. */
public record CliRun(int exitCode, String out, String err) {
  /** On a fixed clock. */
  public static CliRun run(Map<String, String> env, Path dotEnv, String... args) {
    return run(
        env, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), dotEnv, args);
  }

  /** On {@code clock}, e.g. the clock of a server the command acts beside. */
  public static CliRun run(Map<String, String> env, Clock clock, Path dotEnv, String... args) {
    CommandLine cl = AgentCommand.commandLine(new AppFactory(env, clock, dotEnv), args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
