package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.mission.Trigger;
import dev.orchestrator.tool.Risk;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code agent list-missions}: the missions in {@code MISSIONS_DIR} as a table. Broken files are
 * listed on stderr (exit 1) while the valid missions are still shown.
 */
@Command(
    name = "list-missions",
    mixinStandardHelpOptions = true,
    description = "List the missions in MISSIONS_DIR (default: missions).")
final class ListMissionsCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  ListMissionsCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = factory.config().orThrow().missionsDir();
    if (!Files.isDirectory(dir)) {
      err.println("missions directory \"" + dir + "\" does not exist; set MISSIONS_DIR");
      err.flush();
      return ExitCodes.FAILED;
    }
    LoadResult result = MissionLoader.global().loadDirectory(dir);
    if (result.catalog().isEmpty()) {
      out.println(
          result.isValid()
              ? "no missions in \"" + dir + "\""
              : "no valid missions in \"" + dir + "\"");
    } else {
      TextTable table = new TextTable("MISSION", "PLANNER", "TRIGGERS", "TOOLS", "APPROVAL");
      for (Mission m : result.catalog().missions()) {
        table.row(
            m.name(),
            m.planner().label(),
            m.triggers().isEmpty()
                ? "/agent run " + m.name()
                : m.triggers().stream().map(Trigger::describe).collect(Collectors.joining(", ")),
            String.join(", ", m.allowedTools()),
            approval(m));
      }
      table.print(out);
    }
    out.flush();
    if (result.isValid()) {
      return ExitCodes.OK;
    }
    for (Problem p : result.problems()) {
      err.println(p.render());
    }
    err.println(
        Plural.of(result.problems().size(), "problem") + "; only valid missions are listed");
    err.flush();
    return ExitCodes.FAILED;
  }

  /** Whether a human must approve before the mission changes anything. */
  private static String approval(Mission m) {
    if (m.requiresApproval()) {
      return "required";
    }
    return m.highestRisk() == Risk.DESTRUCTIVE ? "destructive tools" : "no";
  }
}
