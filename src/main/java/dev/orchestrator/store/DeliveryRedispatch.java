package dev.orchestrator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Hands a stored delivery that was dispatched (ignored, failed, given up…) to the dispatcher again,
 * for {@code agent redispatch}: after the repository opted in, or GitHub answers again. A
 * redelivery from GitHub cannot do it, since it carries the same delivery id, which is never
 * processed twice. The delivery is handed over as a retry, so what its first dispatch did (a reply,
 * a reaction) is looked up before it is repeated, and runs keep their idempotency keys.
 */
public final class DeliveryRedispatch {
  private DeliveryRedispatch() {}

  /** What asking for it came to. */
  public sealed interface Result {
    /** Pending again; what it had come to before. */
    record Requeued(String event, Optional<String> outcome, Optional<String> reason)
        implements Result {}

    /** It has not been dispatched yet (or is waiting for its next attempt): nothing to do. */
    record StillPending(String event) implements Result {}

    /** No delivery with that id is stored. */
    record NotFound() implements Result {}

    /**
     * It did something the first time (started runs, answered commands, cancelled runs): handing it
     * over again would replay that against today's state (an old approval, a close), so only failed
     * and ignored deliveries are redispatched.
     */
    record Refused(String event, String outcome) implements Result {}
  }

  /** The outcomes a delivery may be redispatched from. */
  static final java.util.Set<String> AGAIN = java.util.Set.of("failed", "ignored");

  /** Makes delivery {@code deliveryId} pending again, in one transaction. */
  public static Result run(Database db, String deliveryId) {
    return db.write(
        c -> {
          String event;
          Optional<String> outcome;
          Optional<String> reason;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT event, action, dispatched_at, outcome, reason FROM deliveries"
                      + " WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return new Result.NotFound();
              }
              String action = rs.getString("action");
              event = rs.getString("event") + (action == null ? "" : "." + action);
              if (rs.getString("dispatched_at") == null) {
                return new Result.StillPending(event);
              }
              outcome = Optional.ofNullable(rs.getString("outcome"));
              reason = Optional.ofNullable(rs.getString("reason"));
            }
          }
          if (outcome.isPresent() && !AGAIN.contains(outcome.get())) {
            return new Result.Refused(event, outcome.get());
          }
          // failed_attempts 1: the dispatcher hands it over as a retry; a new give-up clock and
          // back-off start at its next failure
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE deliveries SET dispatched_at = NULL, outcome = NULL, reason = NULL,"
                      + " next_attempt_at = NULL, first_failed_at = NULL,"
                      + " failed_attempts = 1 WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            p.executeUpdate();
          }
          return new Result.Requeued(event, outcome, reason);
        });
  }
}
