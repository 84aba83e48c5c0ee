package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.planner.ModelUsage;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolContext;
import dev.orchestrator.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Executes one RUNNING run and records everything: the outcome on the run's row, the planner's
 * memory as its checkpoint when it blocks or is deferred, the transcript, and the mission breaker.
 * A blocked run executed again after its approval, or a deferred one claimed again after its "not
 * before" instant, resumes from its checkpoint and keeps appending to its transcript.
 */
public final class RunExecutor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunStore runs;
  private final TranscriptStore transcripts;
  private final MissionBreaker breaker;
  private final MissionRunner runner;
  private final Clock clock;
  private final RunMetrics metrics;

  public RunExecutor(
      RunStore runs,
      TranscriptStore transcripts,
      MissionBreaker breaker,
      MissionRunner runner,
      Clock clock) {
    this(runs, transcripts, breaker, runner, clock, RunMetrics.NONE);
  }

  /** An executor that also reports each finished run's duration to {@code metrics}. */
  public RunExecutor(
      RunStore runs,
      TranscriptStore transcripts,
      MissionBreaker breaker,
      MissionRunner runner,
      Clock clock,
      RunMetrics metrics) {
    this.runs = runs;
    this.transcripts = transcripts;
    this.breaker = breaker;
    this.runner = runner;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** What an execution produced. */
  public record Result(RunOutcome outcome, Transcript transcript, List<ToolCall> planned) {}

  public Result execute(
      RunRecord run,
      Mission mission,
      Planner planner,
      ToolContext tools,
      ApprovalDecider approvals) {
    if (run.status() != RunStatus.RUNNING) {
      throw new IllegalStateException("run " + run.id() + " is " + run.status() + ", not RUNNING");
    }
    ObjectNode memory =
        run.checkpointJson()
            .map(RunExecutor::object)
            .orElseGet(JsonNodeFactory.instance::objectNode);
    Transcript transcript =
        transcripts
            .find(run.id())
            .map(Transcript::parse)
            .orElseGet(
                () ->
                    Transcript.start(
                        run.id(),
                        mission.name(),
                        mission.planner().label(),
                        run.trigger(),
                        run.dryRun(),
                        clock.instant()));
    Instant started = run.startedAt().orElse(clock.instant());
    // A resumed run's time limit counts from this execution: waiting for a human is not running.
    Instant thisExecution = clock.instant();
    RunContext ctx =
        new RunContext(
            run.id(),
            run.trigger(),
            object(run.eventJson().orElse("{}")),
            object(run.argumentsJson()),
            run.dryRun(),
            tools,
            thisExecution);
    RunOutcome outcome;
    try {
      outcome = runner.run(mission, planner, memory, ctx, transcript, approvals);
    } catch (RuntimeException e) {
      outcome =
          new RunOutcome.Failed(
              "internal",
              "the runtime failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              false);
    }
    Instant now = clock.instant();
    double active =
        memory.path("active_seconds").asDouble(0)
            + Duration.between(thisExecution, now).toNanos() / 1e9;
    memory.put("active_seconds", active);
    ModelUsage usage = planner.usage(memory);
    transcript.end(outcome, now, active, usage);
    transcripts.save(run.id(), transcript.toString(), now);
    Optional<String> error = Optional.empty();
    Optional<String> errorClass = Optional.empty();
    if (outcome instanceof RunOutcome.Failed f) {
      error = Optional.of(f.message());
      errorClass = Optional.of(f.errorClass());
    } else if (outcome instanceof RunOutcome.Blocked b && memory.has(MissionRunner.PAUSED)) {
      // blocked by the planner (an llm run at its budget): say why on the row until it goes on
      error = Optional.of(b.reason());
      errorClass = Optional.of(memory.path(MissionRunner.PAUSED).path("class").asText());
    } else if (outcome instanceof RunOutcome.Rejected r) {
      error =
          Optional.of("rejected by @" + r.by() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
      errorClass = Optional.of("rejected");
    }
    if (outcome instanceof RunOutcome.Deferred d) {
      // said on the row while the run waits; its next execution clears it
      error = Optional.of(waitingFor(d));
      errorClass = Optional.of(ToolResult.Deferred.ERROR_CLASS);
    }
    RunFinish finish =
        new RunFinish(
            transcript.toolCalls(),
            usage.tokens(),
            usage.costUsd().doubleValue(),
            usage.model(),
            error,
            errorClass,
            Optional.of(memory.toString()));
    // A call refused by a person mid-run: the run needed approval (BLOCKED) and was then rejected.
    RunStatus recorded =
        outcome.status() == RunStatus.REJECTED ? RunStatus.BLOCKED : outcome.status();
    if (outcome instanceof RunOutcome.Deferred d) {
      runs.defer(run.id(), d.notBefore(), finish, now);
    } else {
      runs.finish(run.id(), recorded, finish, now);
    }
    if (recorded != outcome.status()) {
      runs.move(run.id(), outcome.status(), now);
    }
    recordBreaker(run, mission, outcome);
    if (outcome.status().isTerminal() && started.isBefore(thisExecution)) {
      // The stored duration is time spent running, without the wait for an approval.
      runs.setDuration(run.id(), active);
    }
    if (outcome.status().isTerminal()) {
      metrics.finished(mission.name(), outcome.status(), active);
    }
    List<ToolCall> planned =
        outcome instanceof RunOutcome.Blocked ? planner.preview(memory) : List.of();
    return new Result(outcome, transcript, planned);
  }

  /** What a deferred run's row says while it waits. */
  public static String waitingFor(RunOutcome.Deferred d) {
    return "waiting for GitHub's rate limit until " + d.notBefore() + ": " + d.reason();
  }

  private void recordBreaker(RunRecord run, Mission mission, RunOutcome outcome) {
    if (run.dryRun()) {
      return;
    }
    if (outcome instanceof RunOutcome.Succeeded) {
      breaker.recordSuccess(mission.name(), run.installationId());
    } else if (outcome instanceof RunOutcome.Failed f) {
      breaker.recordFailure(mission.name(), run.installationId(), f.infrastructure());
    }
  }

  /** Reads stored JSON that must be an object (arguments, events, checkpoints). */
  public static ObjectNode object(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    } catch (Exception e) {
      throw new IllegalStateException("reading stored json: " + e.getMessage(), e);
    }
  }
}
