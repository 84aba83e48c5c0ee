package dev.orchestrator.planner;

/**
 * Which run a planner plans for: its id and installation (0 for runs without one). The LLM planner
 * needs them for the installation's daily budget, which counts every other run of the day.
 */
public record RunRef(long runId, long installationId) {
  /** A run not known to the store (tests, previews): nothing is excluded from the daily sum. */
  public static RunRef unknown() {
    return new RunRef(0, 0);
  }
}
