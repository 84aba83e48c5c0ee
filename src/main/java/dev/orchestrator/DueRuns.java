package dev.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubRepositoryPort;
import dev.orchestrator.github.Priority;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.RunRef;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.schedule.DueSlot;
import dev.orchestrator.schedule.DueSlots;
import dev.orchestrator.schedule.ScheduledRuns;
import dev.orchestrator.schedule.SlotStore;
import dev.orchestrator.tool.ToolContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code agent run-due}: the slots of {@code MISSIONS_DIR}'s schedules that are due now, each taken
 * and executed once, in this process, one after another, against GitHub (token mode in GitHub
 * Actions; App mode works too). A slot taken before (by the server or another {@code run-due}) is
 * listed and skipped.
 */
public final class DueRuns {
  /** Recorded as the slot's taker and the run's requester. */
  public static final String TAKER = "run-due";

  private final App app;

  public DueRuns(App app) {
    this.app = app;
  }

  /** Why nothing could run, or what was due and what became of it. */
  public sealed interface Result {
    /** The missions are invalid, or GitHub cannot be used; nothing was taken. */
    record NotStarted(List<String> problems) implements Result {}

    /**
     * @param scheduled how many (mission, repository) pairs have a schedule
     * @param next the next slot of any schedule after {@code at}
     */
    record Done(Instant at, int scheduled, List<Entry> entries, Optional<Instant> next)
        implements Result {
      /** True when a run it started ended other than SUCCEEDED or BLOCKED. */
      public boolean anyFailed() {
        return entries.stream()
            .flatMap(e -> e.run().stream())
            .anyMatch(r -> r.status() != RunStatus.SUCCEEDED && r.status() != RunStatus.BLOCKED);
      }

      /** How many runs it started. */
      public long ran() {
        return entries.stream().filter(e -> e.run().isPresent()).count();
      }
    }
  }

  /**
   * One slot that was due when looked at: what taking it gave (another process may have taken it
   * since), and the run as it ended when this process ran it.
   */
  public record Entry(DueSlot due, SlotStore.Claim claim, Optional<RunRecord> run) {}

  public Result run() {
    LoadResult missions = app.missions();
    if (!missions.isValid()) {
      List<String> problems = new ArrayList<>();
      problems.add(
          "the missions in \""
              + app.settings().missionsDir()
              + "\" are invalid (run `agent validate`):");
      missions.problems().stream().map(Problem::render).forEach(problems::add);
      return new Result.NotStarted(problems);
    }
    MissionCatalog catalog = missions.catalog();
    Instant now = app.clock().instant();
    SlotStore slots = app.slots(TAKER);
    List<DueSlot> due =
        DueSlots.at(catalog, now).stream().filter(d -> !slots.taken(d.slot())).toList();
    List<Entry> entries = new ArrayList<>();
    if (!due.isEmpty()) {
      GitHubAccess.Opened github = app.github();
      if (!(github instanceof GitHubAccess.Opened.Ready ready)) {
        return new Result.NotStarted(
            List.of(
                github instanceof GitHubAccess.Opened.Invalid invalid
                    ? invalid.message()
                    : "scheduled runs act on GitHub: set GITHUB_TOKEN (or APP_ID and"
                        + " PRIVATE_KEY_PATH); nothing was run"));
      }
      for (DueSlot d : due) {
        long installation =
            installationOf(ready.access().gateway(Priority.BACKGROUND), d.slot().repository());
        SlotStore.Claim claim =
            slots.take(d.slot(), ScheduledRuns.of(d, RunStatus.RUNNING, TAKER, installation), now);
        Optional<RunRecord> run = Optional.empty();
        if (claim instanceof SlotStore.Claim.Won won) {
          run = Optional.of(execute(d, won.runId(), ready.access()));
        }
        entries.add(new Entry(d, claim, run));
      }
    }
    return new Result.Done(now, DueSlots.scheduled(catalog), entries, DueSlots.next(catalog, now));
  }

  /**
   * The App's installation on {@code repository}, for a scheduled run to count under; 0 in token
   * mode or when GitHub cannot say (the gateway then finds it when the run acts).
   */
  static long installationOf(GitHubGateway gateway, String repository) {
    return gateway.installationIdOf(Repo.of(repository)).optional().orElse(0L);
  }

  private RunRecord execute(DueSlot d, long runId, GitHubAccess access) {
    RunRecord record = app.runs().find(runId).orElseThrow();
    JsonNode event = RunExecutor.object(record.eventJson().orElse("{}"));
    JsonNode args = RunExecutor.object(record.argumentsJson());
    ToolContext tools =
        new ToolContext(
            runId,
            record.repository(),
            event,
            false,
            new GitHubRepositoryPort(
                access.gateway(Priority.BACKGROUND), Repo.of(d.slot().repository())),
            app.healthPort());
    app.executor()
        .execute(
            record,
            d.mission(),
            Planners.forMission(
                d.mission(),
                event,
                args,
                app.clock(),
                app.llmFactory(),
                new RunRef(runId, record.installationId())),
            tools,
            ApprovalDecider.pending());
    return app.runs().find(runId).orElseThrow();
  }
}
