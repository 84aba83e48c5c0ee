package dev.orchestrator.runtime;

/** A mission circuit breaker's state. */
public enum BreakerState {
  /** Runs go ahead; consecutive infrastructure failures are counted. */
  CLOSED,
  /** Runs of the mission wait in the queue. */
  OPEN,
  /** The open period has passed: runs go ahead, and the next result closes or reopens it. */
  HALF_OPEN
}
