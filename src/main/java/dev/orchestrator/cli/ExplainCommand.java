package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.report.Explanation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent explain --mission-id ID [--transcript F]}: what happened in a run, and what to do.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a run from its transcript: trigger, steps, durations, where and why it failed,",
      "the failure class and the remedy. Exit 1 when the run or transcript is not found."
    })
final class ExplainCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--mission-id",
      required = true,
      paramLabel = "ID",
      description = "The run id (as in transcripts' mission_id).")
  long runId;

  @Option(
      names = "--transcript",
      paramLabel = "FILE",
      description = "Read this transcript file instead of the database.")
  Path transcript;

  ExplainCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Optional<String> json;
    if (transcript != null) {
      if (!Files.isRegularFile(transcript)) {
        throw new CommandLine.ParameterException(cl, "no transcript file \"" + transcript + "\"");
      }
      json = Optional.of(Files.readString(transcript, StandardCharsets.UTF_8));
    } else {
      try (App app = factory.open()) {
        json = app.transcripts().find(runId);
      }
    }
    if (json.isEmpty()) {
      cl.getErr().println("no transcript for run " + runId + " (see `agent history` for run ids)");
      return ExitCodes.FAILED;
    }
    JsonNode t = Json.MAPPER.readTree(json.get());
    if (transcript != null && !t.path("mission_id").asText().equals(Long.toString(runId))) {
      cl.getErr()
          .println(
              "transcript \""
                  + transcript
                  + "\" is of run "
                  + t.path("mission_id").asText()
                  + ", not "
                  + runId);
      return ExitCodes.FAILED;
    }
    cl.getOut().print(Explanation.text(t));
    cl.getOut().flush();
    return ExitCodes.OK;
  }
}
