package dev.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.RunRef;
import dev.orchestrator.report.HealthSummary;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.Arguments;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.tool.HealthPort;
import dev.orchestrator.tool.ToolContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code agent run}: one mission file run once, now, in this process, recorded in the database like
 * any other run. Without GitHub credentials its reads come from the event payload and its writes
 * are recorded, not sent.
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
    ToolContext tools = ToolContext.offline(id, event, dryRun, healthPort());
    RunExecutor.Result result =
        app.executor().execute(record, mission, planner, tools, ApprovalDecider.pending());
    return new Result.Ran(app.runs().find(id).orElseThrow(), result);
  }

  private HealthPort healthPort() {
    return lookback -> {
      HealthReport r = app.health().report(lookback);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("level", r.level().name());
      out.put("summary", HealthSummary.markdown(r, hours(lookback)));
      r.successRate().ifPresent(v -> out.put("success_rate", v));
      out.put("failures", r.failures());
      return out;
    };
  }

  private static String hours(Duration d) {
    return "last " + d.toHours() + "h";
  }
}
