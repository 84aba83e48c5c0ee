package dev.orchestrator.planner;

/**
 * Which run a planner plans for: its id and installation (0 for runs without one). The LLM planner
 * needs them for the installation's daily budget: each model call is reserved under both.
 */
public record RunRef(long runId, long installationId) {
  /** A run not known to the store (previews, which make no model call). */
  public static RunRef unknown() {
    return new RunRef(0, 0);
  }
}
