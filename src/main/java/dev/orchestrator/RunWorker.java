package dev.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.feedback.RunFeedback;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.RunRef;
import dev.orchestrator.queue.WorkerPool;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.tool.HealthPort;
import dev.orchestrator.tool.RepositoryPort;
import dev.orchestrator.tool.ToolContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with a claimed run: find its mission, tell GitHub it started, execute it
 * through the runtime against the run's repository, and tell GitHub how it stopped (unless a GitHub
 * call was deferred and the run went back to the queue).
 */
final class RunWorker implements WorkerPool.Job {
  private static final Logger LOG = LoggerFactory.getLogger(RunWorker.class);

  private final Function<RunRecord, Optional<Mission>> missions;
  private final RunStore runs;
  private final RunExecutor executor;
  private final RunFeedback feedback;
  private final Function<RunRecord, RepositoryPort> repositories;
  private final HealthPort health;
  private final Planners.LlmFactory llm;
  private final Clock clock;

  /**
   * @param missions the mission a run names: global, or its repository's own (read as the
   *     repository has it now)
   */
  RunWorker(
      Function<RunRecord, Optional<Mission>> missions,
      RunStore runs,
      RunExecutor executor,
      RunFeedback feedback,
      Function<RunRecord, RepositoryPort> repositories,
      HealthPort health,
      Planners.LlmFactory llm,
      Clock clock) {
    this.missions = missions;
    this.runs = runs;
    this.executor = executor;
    this.feedback = feedback;
    this.repositories = repositories;
    this.health = health;
    this.llm = llm;
    this.clock = clock;
  }

  @Override
  public void execute(RunRecord run) {
    Optional<Mission> mission = missions.apply(run);
    if (mission.isEmpty()) {
      runs.finish(
          run.id(),
          RunStatus.FAILED,
          new RunFinish(
              0,
              0,
              0,
              Optional.empty(),
              Optional.of(
                  "mission \""
                      + run.mission()
                      + "\" no longer exists (neither among the global missions nor in the"
                      + " repository's .github/agent/missions)"),
              Optional.of("internal"),
              Optional.empty()),
          clock.instant());
      feedback.stopped(run.id(), List.of(), mission);
      return;
    }
    feedback.started(run, mission);
    JsonNode event = RunExecutor.object(run.eventJson().orElse("{}"));
    JsonNode args = RunExecutor.object(run.argumentsJson());
    ToolContext tools =
        new ToolContext(
            run.id(), run.repository(), event, run.dryRun(), repositories.apply(run), health);
    LOG.info(
        "run={} executing {} on \"{}\"", run.id(), run.mission(), run.repository().orElse("-"));
    RunExecutor.Result result =
        executor.execute(
            run,
            mission.get(),
            Planners.forMission(
                mission.get(), event, args, clock, llm, new RunRef(run.id(), run.installationId())),
            tools,
            ApprovalDecider.pending());
    if (result.outcome() instanceof RunOutcome.Deferred d) {
      // Back in the queue, no feedback: the installation's lane waits, so anything sent to GitHub
      // now would wait too. The execution that resumes it reports.
      LOG.info("run={} QUEUED: {}", run.id(), RunExecutor.waitingFor(d));
      return;
    }
    LOG.info("run={} {}", run.id(), result.outcome().status());
    feedback.stopped(run.id(), result.planned(), mission);
  }

  @Override
  public void stillRunning(RunRecord run) {
    feedback.stillRunning(run);
  }
}
