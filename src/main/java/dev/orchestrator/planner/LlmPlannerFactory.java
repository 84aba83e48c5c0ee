package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.tool.ToolResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes the {@link LlmPlanner} of each llm run from what is shared: the model client (one HTTP
 * client and breaker for the process), the price table, the tools and the spend ledger. When the
 * price table is unusable, llm runs fail at once saying why, and other missions are unaffected.
 */
public final class LlmPlannerFactory implements Planners.LlmFactory {
  private final ChatClient client;
  private final PriceTable.Loaded prices;
  private final ToolRegistry registry;
  private final SpendLedger ledger;
  private final BigDecimal dailyBudget;
  private final Clock clock;

  public LlmPlannerFactory(
      ChatClient client,
      PriceTable.Loaded prices,
      ToolRegistry registry,
      SpendLedger ledger,
      BigDecimal dailyBudget,
      Clock clock) {
    this.client = client;
    this.prices = prices;
    this.registry = registry;
    this.ledger = ledger;
    this.dailyBudget = dailyBudget;
    this.clock = clock;
  }

  @Override
  public Optional<Planner> create(Mission mission, JsonNode event, JsonNode args, RunRef run) {
    if (prices instanceof PriceTable.Loaded.Invalid bad) {
      return Optional.of(failing(bad.problem()));
    }
    PriceTable table = ((PriceTable.Loaded.Ok) prices).table();
    return Optional.of(
        new LlmPlanner(
            mission,
            event,
            args,
            run,
            client,
            registry,
            table.priceOf(client.config().model()),
            ledger,
            dailyBudget,
            clock));
  }

  private static Planner failing(String problem) {
    return new Planner() {
      @Override
      public Planned next(ObjectNode memory) {
        return new Planned.Fail(
            LlmErrors.NOT_CONFIGURED,
            "llm runs cannot be costed: " + problem + " (fix the file LLM_PRICES names)",
            false);
      }

      @Override
      public void observe(ObjectNode memory, ToolCall call, ToolResult result) {}
    };
  }
}
