package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.PlannerType;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolResult;
import java.time.Clock;
import java.util.Optional;

/** Chooses the planner a mission names. */
public final class Planners {
  private Planners() {}

  /** Builds an LLM planner for a run of a mission; empty when no model is configured. */
  @FunctionalInterface
  public interface LlmFactory {
    Optional<Planner> create(Mission mission, JsonNode event, JsonNode args, RunRef run);
  }

  /**
   * No model configured: llm missions load and validate, but their runs fail at once, saying why.
   */
  public static final LlmFactory NO_MODEL = (m, e, a, r) -> Optional.empty();

  /** The planner of a run of {@code mission}; {@code run} lets an llm planner keep its budgets. */
  public static Planner forMission(
      Mission mission, JsonNode event, JsonNode args, Clock clock, LlmFactory llm, RunRef run) {
    if (mission.planner() == PlannerType.DETERMINISTIC) {
      return new DeterministicPlanner(mission, event, args, clock);
    }
    return llm.create(mission, event, args, run).orElseGet(Planners::unconfigured);
  }

  /**
   * The planner of a run not known to the store (tests, previews). For a stored run use the
   * overload with its {@link RunRef}: without it an llm planner's daily budget cannot leave the
   * run's own recorded cost out of the day's sum, and counts it twice after a resume.
   */
  public static Planner forMission(
      Mission mission, JsonNode event, JsonNode args, Clock clock, LlmFactory llm) {
    return forMission(mission, event, args, clock, llm, RunRef.unknown());
  }

  private static Planner unconfigured() {
    return new Planner() {
      @Override
      public Planned next(ObjectNode memory) {
        return new Planned.Fail(
            LlmErrors.NOT_CONFIGURED,
            "this mission uses the llm planner but no model is configured: set LLM_BASE_URL (an"
                + " OpenAI-style base URL ending in /v1), LLM_MODEL and, if the server needs one,"
                + " LLM_API_KEY",
            false);
      }

      @Override
      public void observe(ObjectNode memory, ToolCall call, ToolResult result) {}
    };
  }
}
