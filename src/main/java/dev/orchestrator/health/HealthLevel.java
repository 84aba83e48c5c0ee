package dev.orchestrator.health;

/**
 * PRODUCT.md's health levels, from the runs that finished in a window. Declared from best to worst,
 * then UNKNOWN, which is no judgement at all.
 */
public enum HealthLevel {
  /** Success rate at least 90 % and at most 2 failures. */
  HEALTHY,
  /** Neither healthy nor unhealthy. */
  DEGRADED,
  /** Success rate under 70 %, or at least 5 failures while the rate is under 99 %. */
  UNHEALTHY,
  /** No run finished with a success or a failure in the window: nothing to judge. */
  UNKNOWN
}
