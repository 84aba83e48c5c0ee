package dev.orchestrator.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One entry of the App's webhook delivery log ({@code GET /app/hook/deliveries}). */
public record WebhookDelivery(
    long id,
    String guid,
    Instant deliveredAt,
    boolean redelivery,
    String status,
    int statusCode,
    String event,
    Optional<String> action,
    OptionalLong installationId,
    OptionalLong repositoryId) {

  /** One page of the log, newest first, and the cursor of the next (older) page. */
  public record Page(List<WebhookDelivery> deliveries, Optional<String> nextCursor) {}
}
