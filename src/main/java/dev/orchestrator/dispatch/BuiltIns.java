package dev.orchestrator.dispatch;

import dev.orchestrator.command.SlashCommand;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.report.Explanation;
import dev.orchestrator.report.HealthSummary;
import dev.orchestrator.report.Replies;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import java.time.Duration;
import java.util.Optional;

/** Answers to the built-in commands that only read: help, missions, status, history, explain. */
final class BuiltIns {
  private static final Duration STATUS_WINDOW = Duration.ofHours(24);

  private final HealthService health;
  private final RunStore runs;
  private final TranscriptStore transcripts;

  BuiltIns(HealthService health, RunStore runs, TranscriptStore transcripts) {
    this.health = health;
    this.runs = runs;
    this.transcripts = transcripts;
  }

  String answer(SlashCommand c, RepositoryCatalogs.View view, String repository) {
    switch (c.name()) {
      case "help":
        return Replies.help(view.missions());
      case "missions":
        return Replies.missions(view.missions());
      case "status":
        return HealthSummary.markdown(health.report(STATUS_WINDOW), "last 24h");
      case "history":
        return Replies.history(
            runs.recent(((SlashCommand.History) c).limit(), Optional.of(repository)), repository);
      case "explain":
        long id = ((SlashCommand.Explain) c).runId();
        Optional<RunRecord> run =
            runs.find(id)
                .filter(r -> r.repository().map(repository::equalsIgnoreCase).orElse(false));
        if (run.isEmpty()) {
          return "There is no run " + id + " on " + repository + ".";
        }
        return transcripts
            .find(id)
            .map(
                t ->
                    Replies.explain(
                        Explanation.text(dev.orchestrator.runtime.Transcript.parse(t).json())))
            .orElse("Run " + id + " has no transcript yet (it is " + run.get().status() + ").");
      default:
        throw new IllegalArgumentException("\"" + c.name() + "\" is not a read-only built-in");
    }
  }
}
