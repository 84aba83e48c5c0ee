package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** What {@code get_health} needs: the health of recent runs, computed from the run store. */
public interface HealthPort {
  /**
   * The health over runs finished in the last {@code lookback}: a JSON object with at least {@code
   * level} (HEALTHY, DEGRADED, UNHEALTHY or UNKNOWN) and {@code summary} (markdown for a comment),
   * and whatever else the health report carries (success rate, failures, recommendations).
   */
  JsonNode health(Duration lookback);
}
