package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.LocalRun;
import dev.orchestrator.report.Explanation;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent run --mission F [--event payload.json] [--args k=v…] [--dry-run] [--output F]}: runs
 * one mission now, in this process. Exit 0 when it succeeded or is waiting (for approval, or back
 * in the queue for GitHub's rate limit), 1 when it failed or was rejected, 2 on bad usage.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one mission file now and record it like any other run.",
      "Without GitHub credentials, reads come from the event payload and writes are recorded.",
      "Exit 0 when it succeeded or waits (for approval, or for GitHub's rate limit), 1 when it failed or was rejected, 2 on bad usage."
    })
final class RunCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--mission",
      required = true,
      paramLabel = "FILE",
      description = "The mission YAML file.")
  Path mission;

  @Option(
      names = "--event",
      paramLabel = "FILE",
      description = "A webhook payload (JSON) to run against.")
  Path event;

  @Option(
      names = "--args",
      arity = "1..*",
      paramLabel = "KEY=VALUE",
      description = "Mission arguments.")
  List<String> args = List.of();

  @Option(
      names = "--dry-run",
      description = "Record write and destructive tools instead of running them.")
  boolean dryRun;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the transcript (JSON) here.")
  Path output;

  RunCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (!Files.isRegularFile(mission)) {
      throw new CommandLine.ParameterException(cl, "no mission file \"" + mission + "\"");
    }
    JsonNode payload = readEvent(cl);
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new CommandLine.ParameterException(
            cl, "--args expects key=value, found \"" + a + "\"");
      }
      arguments.put(a.substring(0, eq), a.substring(eq + 1));
    }
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    try (App app = factory.open()) {
      LocalRun.Result result = new LocalRun(app).run(mission, payload, arguments, dryRun);
      if (result instanceof LocalRun.Result.NotStarted ns) {
        ns.problems().forEach(err::println);
        if (ns.usage()) {
          throw new CommandLine.ParameterException(cl, "the arguments do not fit the mission");
        }
        return ExitCodes.FAILED;
      }
      LocalRun.Result.Ran ran = (LocalRun.Result.Ran) result;
      if (output != null) {
        Files.writeString(
            output, ran.result().transcript().toString() + "\n", StandardCharsets.UTF_8);
      }
      out.print(Explanation.text(ran.result().transcript().json()));
      RunOutcome outcome = ran.result().outcome();
      if (outcome.status() == RunStatus.BLOCKED) {
        out.println("run " + ran.run().id() + " is BLOCKED until a person approves it");
      }
      if (outcome instanceof RunOutcome.Deferred d) {
        out.println(
            "run "
                + ran.run().id()
                + " is QUEUED, "
                + RunExecutor.waitingFor(d)
                + "; the server's workers resume it then");
      }
      if (output != null) {
        out.println("transcript: " + output);
      }
      out.flush();
      return outcome.status() == RunStatus.FAILED || outcome.status() == RunStatus.REJECTED
          ? ExitCodes.FAILED
          : ExitCodes.OK;
    }
  }

  private JsonNode readEvent(CommandLine cl) {
    if (event == null) {
      return Json.object();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(Files.readString(event, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new CommandLine.ParameterException(
            cl, "--event \"" + event + "\" is not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cl, "--event \"" + event + "\": " + e.getMessage());
    }
  }
}
