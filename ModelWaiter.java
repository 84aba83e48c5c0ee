package dev.orchestrator.planner;

import java.time.Instant;

/**
 * Holds a model call until a "not before" instant (a back-off, a {@code retry-after}). The delay is
 * computed from the injected clock; production passes a parking waiter, tests one that moves their
 * clock, so nothing here sleeps.
 */
@FunctionalInterface
public interface ModelWaiter {
  /** Returns once {@code notBefore} has passed. */
  void awaitUntil(Instant notBefore) throws InterruptedException;
}
