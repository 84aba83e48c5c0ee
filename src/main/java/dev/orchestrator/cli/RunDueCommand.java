package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.DueRuns;
import dev.orchestrator.schedule.DueSlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent run-due}: runs the scheduled missions whose latest slot has not run yet, once, in
 * this process, then exits. For cron and GitHub Actions; the server does the same on its own.
 */
@Command(
    name = "run-due",
    mixinStandardHelpOptions = true,
    description = {
      "Run the scheduled missions that are due now, once each, then exit.",
      "A slot already run by the server or another run-due is skipped; after downtime only",
      "the latest slot of each schedule runs.",
      "Exit 0 when every run succeeded or waits for approval (or nothing was due), 1 otherwise."
    })
final class RunDueCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--transcripts",
      paramLabel = "DIR",
      description = "Write the transcript of each run started here as DIR/run-<id>.json.")
  Path transcripts;

  RunDueCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (App app = factory.open()) {
      DueRuns.Result result = new DueRuns(app).run();
      if (result instanceof DueRuns.Result.NotStarted ns) {
        ns.problems().forEach(err::println);
        err.flush();
        return ExitCodes.FAILED;
      }
      DueRuns.Result.Done done = (DueRuns.Result.Done) result;
      if (done.entries().isEmpty()) {
        out.println(nothingDue(done, app.settings().missionsDir().toString()));
      } else {
        out.println(
            "run-due at "
                + done.at()
                + ": "
                + Plural.of(done.entries().size(), "slot")
                + " due, "
                + Plural.of(done.ran(), "run")
                + " started");
        done.entries().forEach(e -> out.println("  " + line(e)));
      }
      if (transcripts != null) {
        writeTranscripts(app, done, out);
      }
      out.flush();
      return done.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  private void writeTranscripts(App app, DueRuns.Result.Done done, PrintWriter out)
      throws IOException {
    Files.createDirectories(transcripts);
    for (DueRuns.Entry e : done.entries()) {
      if (e.run().isEmpty()) {
        continue;
      }
      long id = e.run().get().id();
      Optional<String> json = app.transcripts().find(id);
      if (json.isPresent()) {
        Path file = transcripts.resolve("run-" + id + ".json");
        Files.writeString(file, json.get() + "\n", StandardCharsets.UTF_8);
        out.println("transcript: " + file);
      }
    }
  }

  private static String nothingDue(DueRuns.Result.Done done, String missionsDir) {
    if (done.scheduled() == 0) {
      return "nothing due at "
          + done.at()
          + ": no mission in \""
          + missionsDir
          + "\" has a schedule";
    }
    return "nothing due at "
        + done.at()
        + ": every schedule's latest slot has run ("
        + Plural.of(done.scheduled(), "mission-repository pair")
        + " scheduled)"
        + done.next().map(n -> "; next slot " + n).orElse("");
  }

  private static String line(DueRuns.Entry e) {
    DueSlot d = e.due();
    String what =
        d.slot().mission()
            + " on \""
            + d.slot().repository()
            + "\" (slot "
            + d.slot().start()
            + ")";
    if (e.run().isPresent()) {
      return "run "
          + e.run().get().id()
          + " "
          + what
          + ": "
          + e.run().get().status()
          + e.run().get().error().map(m -> " - " + m).orElse("");
    }
    return what + ": " + e.claim().describe();
  }
}
