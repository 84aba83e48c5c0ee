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
record CliRun(int exitCode, String out, String err) {
  static CliRun run(Map<String, String> env, Path dotEnv, String... args) {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    CommandLine cl = AgentCommand.commandLine(new AppFactory(env, clock, dotEnv), args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
