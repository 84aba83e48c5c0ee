package dev.orchestrator.webhook;

import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What became of a stored delivery: whether it was dispatched, how, and the runs it started.
 *
 * @param kind {@code event.action}, or the event when it has no action
 * @param reason the outcome's reason; while it is pending, why its last attempt failed
 * @param runs the runs the dispatcher recorded for it, oldest first
 * @param failedAttempts the attempts that could not dispatch it because GitHub could not answer
 * @param nextAttemptAt while it is pending after such an attempt, when it is tried again
 */
public record DeliveryReport(
    String deliveryId,
    String kind,
    Instant receivedAt,
    Optional<Instant> dispatchedAt,
    Optional<String> outcome,
    Optional<String> reason,
    List<StartedRun> runs,
    int failedAttempts,
    Optional<Instant> nextAttemptAt) {

  public DeliveryReport {
    runs = List.copyOf(runs);
  }

  /** A run a delivery started, as it stands now. */
  public record StartedRun(long id, String mission, RunStatus status) {}

  public boolean dispatched() {
    return dispatchedAt.isPresent();
  }
}
