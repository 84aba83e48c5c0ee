package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt in GitHub's log of the App's webhook deliveries, as far as catch-up needs it.
 *
 * @param id the attempt's id in the log (what a redelivery request names); newer attempts have
 *     larger ids
 * @param guid the {@code X-GitHub-Delivery} value, shared by a delivery and its redeliveries
 * @param deliveredAt when GitHub made the attempt
 * @param redelivery true for a redelivery
 * @param statusCode what our server answered (0: GitHub got no answer)
 * @param event the event, e.g. {@code issue_comment}
 * @param action the action, when the event has one
 */
public record LoggedDelivery(
    long id,
    String guid,
    Instant deliveredAt,
    boolean redelivery,
    int statusCode,
    String event,
    Optional<String> action) {

  /** True when our server took it: a 2xx answer (GitHub's own "OK" is wider, 200–399). */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode <= 299;
  }

  /** For log lines: {@code 123 (issues.opened, guid "…", status 502)}. */
  public String describe() {
    return id
        + " ("
        + event
        + action.map(a -> "." + a).orElse("")
        + ", guid \""
        + guid
        + "\", status "
        + statusCode
        + ")";
  }
}
