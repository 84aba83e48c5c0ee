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

  /** Builds an LLM planner for a mission; empty when no model is configured. */
  @FunctionalInterface
  public interface LlmFactory {
    Optional<Planner> create(Mission mission, JsonNode event, JsonNode args);
  }

  /**
   * No model configured: llm missions load and validate, but their runs fail at once, saying why.
   */
  public static final LlmFactory NO_MODEL = (m, e, a) -> Optional.empty();

  public static Planner forMission(
      Mission mission, JsonNode event, JsonNode args, Clock clock, LlmFactory llm) {
    if (mission.planner() == PlannerType.DETERMINISTIC) {
      return new DeterministicPlanner(mission, event, args, clock);
    }
    return llm.create(mission, event, args).orElseGet(Planners::unconfigured);
  }

  private static Planner unconfigured() {
    return new Planner() {
      @Override
      public Planned next(ObjectNode memory) {
        return new Planned.Fail(
            "llm_not_configured",
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
