package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.report.Explanation;
import dev.orchestrator.webhook.DeliveryReport;
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
 * {@code agent explain --mission-id ID [--transcript F]}: what happened in a run, and what to do;
 * {@code agent explain --delivery GUID}: what became of a webhook delivery.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a run from its transcript: trigger, steps, durations, where and why it failed,",
      "the failure class and the remedy. With --delivery, what became of a webhook delivery:",
      "its outcome, the runs it started, or why it waits and when it is tried again.",
      "Exit 1 when the run, transcript or delivery is not found."
    })
final class ExplainCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--mission-id",
      paramLabel = "ID",
      description = "The run id (as in transcripts' mission_id).")
  Long runId;

  @Option(
      names = "--delivery",
      paramLabel = "GUID",
      description = "A webhook delivery's id (GitHub's X-GitHub-Delivery).")
  String deliveryId;

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
    if ((runId == null) == (deliveryId == null)) {
      throw new CommandLine.ParameterException(cl, "give one of --mission-id or --delivery");
    }
    if (deliveryId != null) {
      if (transcript != null) {
        throw new CommandLine.ParameterException(cl, "--transcript goes with --mission-id");
      }
      return delivery(cl);
    }
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

  private int delivery(CommandLine cl) {
    Optional<DeliveryReport> report;
    try (App app = factory.open()) {
      report = app.deliveryReports().find(deliveryId);
    }
    if (report.isEmpty()) {
      cl.getErr().println("no delivery \"" + deliveryId + "\" is stored");
      return ExitCodes.FAILED;
    }
    cl.getOut().print(DeliveryText.of(report.get()));
    cl.getOut().flush();
    return ExitCodes.OK;
  }
}
