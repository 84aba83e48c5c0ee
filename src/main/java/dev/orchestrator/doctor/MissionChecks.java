package dev.orchestrator.doctor;

import dev.orchestrator.config.Settings;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.PlannerType;
import dev.orchestrator.mission.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The global missions ({@code MISSIONS_DIR}), through the same strict loader as the server and
 * {@code agent validate}, and the model provider settings the llm missions among them need.
 */
final class MissionChecks {
  private MissionChecks() {}

  /** The missions finding and the missions that loaded (for the llm check). */
  record Outcome(Finding finding, MissionCatalog catalog) {}

  static Outcome missions(Path dir) {
    String check = "missions";
    if (!Files.isDirectory(dir)) {
      return new Outcome(
          Finding.warn(
              check,
              "MISSIONS_DIR \""
                  + dir
                  + "\" does not exist, so no global mission can run; create it or set"
                  + " MISSIONS_DIR"),
          MissionCatalog.empty());
    }
    List<Path> files;
    try {
      files = MissionLoader.missionFiles(dir);
    } catch (IOException e) {
      return new Outcome(
          Finding.fail(check, "cannot list \"" + dir + "\": " + e.getMessage()),
          MissionCatalog.empty());
    }
    if (files.isEmpty()) {
      return new Outcome(
          Finding.warn(check, "no mission files (*.yml, *.yaml) in \"" + dir + "\""),
          MissionCatalog.empty());
    }
    LoadResult result = MissionLoader.global().loadFiles(files);
    MissionCatalog catalog = result.catalog();
    if (result.isValid()) {
      long llm = llmMissions(catalog).size();
      return new Outcome(
          Finding.ok(
              check,
              plural(catalog.size(), "mission")
                  + " valid in \""
                  + dir
                  + "\""
                  + (llm > 0 ? " (" + llm + " llm)" : "")),
          catalog);
    }
    List<Problem> problems = result.problems();
    long broken = problems.stream().map(Problem::file).distinct().count();
    return new Outcome(
        Finding.fail(
            check,
            plural(problems.size(), "problem")
                + " in "
                + broken
                + " of "
                + plural(files.size(), "file")
                + ", the first: "
                + problems.get(0).render()
                + "; run `agent validate` to see them all"),
        catalog);
  }

  static Finding llm(Settings.Llm llm, MissionCatalog catalog) {
    String check = "llm";
    List<String> needing = llmMissions(catalog);
    if (llm.baseUrl().isPresent() && llm.model().isEmpty()) {
      return Finding.fail(
          check, "LLM_BASE_URL is set but LLM_MODEL is not: set LLM_MODEL to the model's name");
    }
    if (llm.baseUrl().isEmpty()) {
      if (llm.model().isPresent()) {
        return Finding.warn(
            check,
            "LLM_MODEL is set but LLM_BASE_URL is not, so llm missions will fail: set"
                + " LLM_BASE_URL (an OpenAI-style base ending in /v1)");
      }
      if (!needing.isEmpty()) {
        return Finding.warn(
            check,
            "llm missions will fail until LLM_BASE_URL is set ("
                + String.join(", ", needing)
                + "); set LLM_BASE_URL, LLM_MODEL and LLM_API_KEY");
      }
      return Finding.ok(check, "not configured, and no mission needs it");
    }
    String base = llm.baseUrl().get().toString();
    if (!base.endsWith("/v1")) {
      return Finding.warn(
          check,
          "LLM_BASE_URL \""
              + base
              + "\" does not end in /v1; the client expects an OpenAI-style base such as"
              + " https://api.openai.com/v1");
    }
    return Finding.ok(
        check,
        "\""
            + base
            + "\", model \""
            + llm.model().orElseThrow()
            + "\""
            + (llm.apiKey().isEmpty() ? ", no LLM_API_KEY (fine for a local provider)" : ""));
  }

  private static List<String> llmMissions(MissionCatalog catalog) {
    return catalog.missions().stream()
        .filter(m -> m.planner() == PlannerType.LLM)
        .map(Mission::name)
        .sorted()
        .toList();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
