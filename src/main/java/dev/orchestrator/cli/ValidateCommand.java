package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import dev.orchestrator.config.ConfigResult;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agent validate [paths…]}: checks mission files together and prints every problem on stdout
 * as {@code file:line:col: message}, then a one-line summary. Exit 0 when all are valid, 1 on
 * problems, 2 on bad usage (a path that does not exist).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check mission files; print every problem as file:line:col: message.",
      "Exit 0 when valid, 1 on problems, 2 on bad usage."
    })
final class ValidateCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Mission files or directories of *.yml/*.yaml (default: MISSIONS_DIR).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--repository",
      description =
          "Check them as repository missions (.github/agent/missions): no destructive tools, and"
              + " no name or command of the global missions in MISSIONS_DIR (when it exists).")
  boolean repository;

  ValidateCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> targets = paths;
    if (targets.isEmpty()) {
      Path dir = factory.config().orThrow().missionsDir();
      if (!Files.isDirectory(dir)) {
        err.println("missions directory \"" + dir + "\" does not exist; set MISSIONS_DIR");
        err.flush();
        return ExitCodes.FAILED;
      }
      targets = List.of(dir);
    }
    List<Path> files = files(targets);
    if (files.isEmpty()) {
      err.println("no mission files (*.yml, *.yaml) in " + quoted(targets));
      err.flush();
      return ExitCodes.FAILED;
    }
    LoadResult result =
        repository
            ? MissionLoader.repository().loadFiles(files, globalMissions(files))
            : MissionLoader.global().loadFiles(files);
    for (Problem p : result.problems()) {
      out.println(p.render());
    }
    if (result.isValid()) {
      out.println(Plural.of(result.catalog().size(), "mission") + " valid");
    } else {
      long broken = result.problems().stream().map(Problem::file).distinct().count();
      out.println(
          Plural.of(result.problems().size(), "problem")
              + " in "
              + broken
              + " of "
              + Plural.of(files.size(), "file"));
    }
    out.flush();
    return result.isValid() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * The valid global missions the server would run beside repository missions (which lose a name or
   * command to them), other than the files being checked; none when MISSIONS_DIR does not exist or
   * the configuration is invalid.
   */
  private MissionCatalog globalMissions(List<Path> checked) {
    if (!(factory.config() instanceof ConfigResult.Ok ok)
        || !Files.isDirectory(ok.settings().missionsDir())) {
      return MissionCatalog.empty();
    }
    List<Path> mine = checked.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    try {
      List<Path> global =
          MissionLoader.missionFiles(ok.settings().missionsDir()).stream()
              .filter(f -> !mine.contains(f.toAbsolutePath().normalize()))
              .toList();
      return MissionLoader.global().loadFiles(global).catalog();
    } catch (IOException e) {
      return MissionCatalog.empty(); // the check against them is a courtesy
    }
  }

  /** The files to check; a path that does not exist is bad usage. */
  private List<Path> files(List<Path> targets) {
    List<Path> files = new ArrayList<>();
    for (Path p : targets) {
      if (Files.isDirectory(p)) {
        try {
          files.addAll(MissionLoader.missionFiles(p));
        } catch (IOException e) {
          throw new IllegalStateException("listing \"" + p + "\": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "validate: no such file or directory \"" + p + "\"");
      }
    }
    return files;
  }

  private static String quoted(List<Path> paths) {
    List<String> q = new ArrayList<>();
    paths.forEach(p -> q.add("\"" + p + "\""));
    return String.join(", ", q);
  }
}
