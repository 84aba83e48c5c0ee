package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified webhook delivery as stored: GitHub's delivery id, the event and action, where it came
 * from, and the raw payload exactly as signed.
 */
public record Delivery(
    String id,
    String event,
    Optional<String> action,
    Optional<Long> installationId,
    Optional<String> repository,
    Optional<String> hookId,
    String payload,
    Instant receivedAt) {

  /** {@code event.action}, or just the event when it has no action. */
  public String kind() {
    return action.map(a -> event + "." + a).orElse(event);
  }
}
