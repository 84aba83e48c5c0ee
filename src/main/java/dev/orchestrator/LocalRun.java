package dev.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.GitHubRepositoryPort;
import dev.orchestrator.github.Priority;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.RunRef;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.Arguments;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.tool.RepositoryPort;
import dev.orchestrator.tool.ToolContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code agent run}: one mission file run once, now, in this process, recorded in the database like
 * any other run. With GitHub credentials and a payload naming a repository it acts on that
 * repository (a person is waiting, so its requests are interactive); without, its reads come from
 * the event payload and its writes are recorded, not sent.
 */
public final class LocalRun {
  private final App app;

  public LocalRun(App app) {
    this.app = app;
  }

  /** Why a local run could not start, or what it did. */
  public sealed interface Result {
    record NotStarted(List<String> problems, boolean usage) implements Result {}

    record Ran(RunRecord run, RunExecutor.Result result) implements Result {}
  }

  public Result run(Path missionFile, JsonNode event, Map<String, String> args, boolean dryRun) {
    LoadResult loaded = MissionLoader.global().loadFiles(List.of(missionFile));
    if (!loaded.isValid() || loaded.catalog().isEmpty()) {
      List<String> problems = loaded.problems().stream().map(Problem::render).toList();
      return new Result.NotStarted(
          problems.isEmpty() ? List.of(missionFile + ": no mission in this file") : problems,
          false);
    }
    Mission mission = loaded.catalog().missions().get(0);
    GitHubAccess.Opened github = app.github();
    if (github instanceof GitHubAccess.Opened.Invalid invalid) {
      return new Result.NotStarted(List.of(invalid.message()), false);
    }
    Arguments.Resolved resolved = Arguments.resolve(mission, args);
    if (resolved instanceof Arguments.Resolved.Invalid inv) {
      return new Result.NotStarted(inv.problems(), true);
    }
    ObjectNode arguments = ((Arguments.Resolved.Ok) resolved).arguments();
    Optional<String> repository = ToolContext.repositoryOf(event);
    JsonNode subject = event.has("issue") ? event.get("issue") : event.path("pull_request");
    Optional<Integer> issue =
        subject.path("number").canConvertToInt()
            ? Optional.of(subject.path("number").asInt())
            : Optional.empty();
    NewRun run =
        new NewRun(
            mission.name(),
            mission.planner().label(),
            0,
            repository,
            issue,
            Optional.empty(),
            "cli",
            Optional.ofNullable(System.getProperty("user.name")),
            Optional.empty(),
            RunStatus.RUNNING,
            NewRun.PRIORITY_NORMAL,
            dryRun,
            arguments.toString(),
            Optional.of(event.toString()));
    long id = app.runs().create(run, app.clock().instant()).orElseThrow();
    RunRecord record = app.runs().find(id).orElseThrow();
    Planner planner =
        Planners.forMission(
            mission, event, arguments, app.clock(), app.llmFactory(), new RunRef(id, 0));
    ToolContext tools = tools(id, event, dryRun, github);
    RunExecutor.Result result =
        app.executor().execute(record, mission, planner, tools, ApprovalDecider.pending());
    return new Result.Ran(app.runs().find(id).orElseThrow(), result);
  }

  /** GitHub for the payload's repository when there are credentials; the payload otherwise. */
  private ToolContext tools(long id, JsonNode event, boolean dryRun, GitHubAccess.Opened github) {
    Optional<String> repository = ToolContext.repositoryOf(event);
    if (repository.isEmpty() || !(github instanceof GitHubAccess.Opened.Ready ready)) {
      return ToolContext.offline(id, event, dryRun, app.healthPort());
    }
    Repo repo = Repo.of(repository.get());
    JsonNode installation = event.path("installation").path("id");
    if (installation.canConvertToLong()) {
      repo = repo.via(installation.asLong());
    }
    RepositoryPort port =
        new GitHubRepositoryPort(ready.access().gateway(Priority.INTERACTIVE), repo);
    return new ToolContext(id, repository, event, dryRun, port, app.healthPort());
  }
}
