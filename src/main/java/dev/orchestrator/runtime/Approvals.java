package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;

/**
 * Human decisions on runs, whichever way they arrive (a comment, a check-run button, a reaction,
 * the command line): approve resumes a BLOCKED run from its checkpoint on any worker, reject and
 * expire end it, cancel ends a QUEUED or BLOCKED one. Each decision is recorded in the transcript.
 * Two decisions racing are settled by the transition table: the second finds the run moved on.
 */
public final class Approvals {
  private final RunStore runs;
  private final TranscriptStore transcripts;
  private final Clock clock;

  public Approvals(RunStore runs, TranscriptStore transcripts, Clock clock) {
    this.runs = runs;
    this.transcripts = transcripts;
    this.clock = clock;
  }

  /** What became of a decision. */
  public sealed interface Result {
    boolean done();

    String message();

    record Done(RunRecord run, String message) implements Result {
      @Override
      public boolean done() {
        return true;
      }
    }

    record NotDone(String message) implements Result {
      @Override
      public boolean done() {
        return false;
      }
    }
  }

  public Result approve(long runId, String by, boolean breakGlass) {
    Optional<RunRecord> run = runs.find(runId);
    if (run.isEmpty() || run.get().status() != RunStatus.BLOCKED) {
      return notWaiting(runId, run);
    }
    ObjectNode memory =
        run.get()
            .checkpointJson()
            .map(RunExecutor::object)
            .orElseGet(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::objectNode);
    memory.put(MissionRunner.APPROVED_BY, by);
    runs.updateCheckpoint(runId, memory.toString());
    try {
      runs.move(runId, RunStatus.QUEUED, clock.instant());
    } catch (IllegalTransitionException e) {
      return notWaiting(runId, runs.find(runId));
    }
    record(runId, "approved", by, Optional.empty(), breakGlass);
    return new Result.Done(
        runs.find(runId).orElseThrow(),
        "run " + runId + " approved by @" + by + "; it continues where it stopped");
  }

  public Result reject(long runId, String by, Optional<String> reason) {
    return end(runId, RunStatus.REJECTED, "rejected", by, reason, false);
  }

  /** Ends a BLOCKED run whose approval window passed. */
  public Result expire(long runId) {
    return end(
        runId,
        RunStatus.EXPIRED,
        "expired",
        "nobody",
        Optional.of("no decision before the approval timeout"),
        false);
  }

  public Result cancel(long runId, String by, boolean breakGlass) {
    return end(runId, RunStatus.CANCELLED, "cancelled", by, Optional.empty(), breakGlass);
  }

  private Result end(
      long runId,
      RunStatus to,
      String kind,
      String by,
      Optional<String> reason,
      boolean breakGlass) {
    Optional<RunRecord> run = runs.find(runId);
    if (run.isEmpty()
        || !run.get().status().canMoveTo(to)
        || run.get().status() == RunStatus.RUNNING) {
      return notWaiting(runId, run);
    }
    try {
      runs.finish(
          runId,
          to,
          new RunFinish(
              run.get().toolCallCount(),
              run.get().tokenUsage(),
              run.get().costUsd(),
              Optional.empty(),
              Optional.of(
                  kind
                      + (by.equals("nobody") ? "" : " by @" + by)
                      + reason.map(r -> ": " + r).orElse("")),
              Optional.of(kind),
              run.get().checkpointJson()),
          clock.instant());
    } catch (IllegalTransitionException e) {
      return notWaiting(runId, runs.find(runId));
    }
    record(runId, kind, by, reason, breakGlass);
    return new Result.Done(
        runs.find(runId).orElseThrow(),
        "run " + runId + " " + kind + (by.equals("nobody") ? "" : " by @" + by));
  }

  private void record(
      long runId, String kind, String by, Optional<String> reason, boolean breakGlass) {
    transcripts
        .find(runId)
        .map(Transcript::parse)
        .ifPresent(
            t -> {
              t.decision(kind, by, reason, clock.instant(), breakGlass);
              RunRecord now = runs.find(runId).orElseThrow();
              t.status(now.status(), clock.instant());
              transcripts.save(runId, t.toString(), clock.instant());
            });
  }

  private static Result notWaiting(long runId, Optional<RunRecord> run) {
    return new Result.NotDone(
        run.map(r -> "run " + runId + " is " + r.status() + ", so there is nothing to decide")
            .orElse("there is no run " + runId));
  }
}
