package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** {@code get_health}: the health of recent runs, as the health report computes it. */
final class GetHealth extends BaseTool {
  static final int DEFAULT_LOOKBACK_HOURS = 24;

  GetHealth() {
    super("get_health");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    int hours = args.optionalInteger("lookback_hours").orElse(DEFAULT_LOOKBACK_HOURS);
    JsonNode health = ctx.healthPort().health(Duration.ofHours(hours));
    if (health == null
        || !health.path("level").isTextual()
        || !health.path("summary").isTextual()) {
      // the port's contract, not the user's input: a bug
      throw new IllegalStateException(
          "health port answered without a textual \"level\" and \"summary\": " + health);
    }
    return ToolResult.ok(health);
  }
}
