package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.store.Database;
import dev.orchestrator.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** The real command line, in-process, over a temp database and a test clock. */
final class Cli {
  final Path dir;
  final Path database;
  final Map<String, String> env = new HashMap<>();
  final TestClock clock = TestClock.fixed();

  Cli(Path dir) {
    this.dir = dir;
    this.database = dir.resolve("agent_metrics.db");
    env.put("DATABASE_URL", "jdbc:sqlite:" + database);
    // Never GitHub itself: a closed loopback port unless a test points it somewhere else.
    env.put("GITHUB_API_URL", "http://127.0.0.1:1");
  }

  /** What a command printed and its exit code. */
  record Result(int exit, String out, String err) {}

  AppFactory factory() {
    return new AppFactory(env, clock, dir.resolve(".env"));
  }

  Result run(String... args) {
    CommandLine cl = AgentCommand.commandLine(factory(), args); // as Main builds it
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Opens the same database the commands use, to set up fixtures. */
  Database openDatabase() {
    return Database.open("jdbc:sqlite:" + database);
  }

  /** The application the commands would open, for its services. */
  App app() {
    return factory().open();
  }
}
