package dev.orchestrator.health;

/**
 * Something an operator should look at, and the runbook section that says what to do.
 *
 * @param section the anchor in {@code docs/RUNBOOK.md}, e.g. {@code breaker-open}
 * @param message what was found, with the figures
 */
public record Recommendation(String section, String message) {
  public static final String BREAKER_OPEN = "breaker-open";
  public static final String RATE_LIMIT_LOW = "rate-limit-low";
  public static final String SLOW_MISSIONS = "slow-missions";
  public static final String QUEUE_FULL = "queue-full";
  public static final String BUDGET = "budget";

  /** The runbook link, relative to the repository root. */
  public String runbook() {
    return "docs/RUNBOOK.md#" + section;
  }
}
