package dev.orchestrator.github;

/**
 * Whose request it is, for the rate-limit reserve. When a lane's remaining budget for a resource
 * falls below the reserve ({@link GovernorConfig#reserveRatio()}), {@link #BACKGROUND} requests
 * wait for the reset while {@link #INTERACTIVE} ones (a person is waiting for the answer) may spend
 * the reserve. Pacing, exhaustion and secondary limits apply to both alike.
 */
public enum Priority {
  /** A person asked and is waiting: slash commands and the runs they start. */
  INTERACTIVE,
  /** Everything else: event-triggered and scheduled runs, polling, catch-up. */
  BACKGROUND
}
