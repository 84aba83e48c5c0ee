package dev.orchestrator.webhook;

import java.util.List;

/** Turns one stored delivery into work; must be idempotent (a crash may hand it over twice). */
@FunctionalInterface
public interface DeliveryHandler {
  /**
   * How a delivery was dispatched: a short outcome word, a reason for people, and the runs it
   * started (recorded with the outcome, so {@code agent receive --wait} can name them).
   */
  record Outcome(String outcome, String reason, List<Long> runIds) {
    public Outcome {
      runIds = List.copyOf(runIds);
    }

    /** An outcome that started no run. */
    public Outcome(String outcome, String reason) {
      this(outcome, reason, List.of());
    }

    public static Outcome ignored(String reason) {
      return new Outcome("ignored", reason);
    }

    /**
     * Not dispatched yet: what the delivery needs (GitHub, the database) is failing now, so it
     * stays pending and is handed over again later. Never recorded as an outcome.
     */
    public static Outcome later(String reason) {
      return new Outcome(LATER, reason);
    }

    /** True for {@link #later}. */
    public boolean isLater() {
      return LATER.equals(outcome);
    }

    /**
     * Not dispatched yet: GitHub could not answer what this one delivery needs (its repository's
     * {@code .github/agent.yml}), so it alone waits for a later attempt, with backoff, while the
     * dispatcher goes on with the others; after a bounded time it is recorded as failed with this
     * reason. Never recorded as an outcome.
     */
    public static Outcome retry(String reason) {
      return new Outcome(RETRY, reason);
    }

    /** True for {@link #retry}. */
    public boolean isRetry() {
      return RETRY.equals(outcome);
    }
  }

  /** The outcome word of {@link Outcome#later}. */
  String LATER = "later";

  /** The outcome word of {@link Outcome#retry}. */
  String RETRY = "retry";

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
