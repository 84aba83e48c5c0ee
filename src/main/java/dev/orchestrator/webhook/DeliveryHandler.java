package dev.orchestrator.webhook;

/** Turns one stored delivery into work; must be idempotent (a crash may hand it over twice). */
@FunctionalInterface
public interface DeliveryHandler {
  /** How a delivery was dispatched: a short outcome word and a reason for people. */
  record Outcome(String outcome, String reason) {
    public static Outcome ignored(String reason) {
      return new Outcome("ignored", reason);
    }
  }

  Outcome handle(Delivery delivery);

  /**
   * Handles a delivery; {@code retry} is true when an earlier attempt may have done part of the
   * work before a crash, so effects must be looked up before they are repeated.
   */
  default Outcome handle(Delivery delivery, boolean retry) {
    return handle(delivery);
  }

  /** Until commands and triggers exist: every delivery is recorded as ignored, with the reason. */
  static DeliveryHandler ignoreAll() {
    return d ->
        Outcome.ignored(
            "ping".equals(d.event())
                ? "ping: the webhook is configured"
                : "no handler for \"" + d.kind() + "\" yet");
  }
}
