package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to stored deliveries: durable before the 202, dispatched in order of arrival. */
public interface DeliveryStore {
  /** Stores and commits {@code d}; false when its id was stored before (nothing is changed). */
  boolean store(Delivery d);

  /**
   * Says the calling thread is checking a delivery it may store in a moment, so that a commit about
   * to start can wait briefly for it and share one fsync. Close it when done, stored or not. A
   * store without group commit has nothing to wait for.
   */
  default Arrival arriving() {
    return Arrival.NONE;
  }

  /** An announced, possible write; closing it withdraws what is left of the announcement. */
  interface Arrival extends AutoCloseable {
    Arrival NONE = () -> {};

    @Override
    void close();
  }

  /** True when a delivery with this id is stored. */
  boolean contains(String deliveryId);

  /**
   * The oldest deliveries not yet dispatched, in order of arrival, those waiting for a later
   * attempt included.
   */
  List<StoredDelivery> pending(int limit);

  /**
   * The oldest deliveries not yet dispatched whose next attempt is due at {@code now} (never
   * postponed, or postponed to {@code now} or before), in order of arrival.
   */
  List<StoredDelivery> due(Instant now, int limit);

  /**
   * Keeps a delivery pending until {@link Postponed#nextAttemptAt}, counting the failed attempt and
   * keeping its reason; committed before it returns. Nothing changes for a dispatched delivery.
   */
  void postpone(Postponed postponed);

  /**
   * A delivery that could not be dispatched yet, and when to try it again.
   *
   * @param failedAttempts the attempts that failed so far, this one included
   * @param firstFailedAt when the first of them failed
   * @param reason why this one failed, for people
   */
  record Postponed(
      long seq, int failedAttempts, Instant firstFailedAt, Instant nextAttemptAt, String reason) {}

  /**
   * True when {@code failure}, thrown by a handler, is the database being unable to write now
   * (locked, read-only, full, an I/O error) rather than a bug: the dispatcher then keeps the
   * delivery pending instead of recording it as failed.
   */
  default boolean unavailable(RuntimeException failure) {
    return false;
  }

  /** The arrival order of the newest stored delivery (0 when there is none). */
  long lastSeq();

  /**
   * Records how each delivery was dispatched, with the runs it started, all in one transaction (one
   * commit for a whole batch); they are not dispatched again.
   */
  void markDispatched(List<Dispatched> dispatched);

  /** Records how one delivery was dispatched. */
  default void markDispatched(long seq, String outcome, String reason, Instant at) {
    markDispatched(List.of(new Dispatched(seq, new DeliveryHandler.Outcome(outcome, reason), at)));
  }

  /** A delivery's outcome, to be recorded. */
  record Dispatched(long seq, DeliveryHandler.Outcome outcome, Instant at) {}

  /**
   * A stored delivery with its arrival order and dispatch state.
   *
   * @param failedAttempts the attempts that could not dispatch it (see {@link #postpone})
   * @param firstFailedAt when the first of them failed
   */
  record StoredDelivery(
      long seq,
      Delivery delivery,
      Optional<String> outcome,
      Optional<String> reason,
      int failedAttempts,
      Optional<Instant> firstFailedAt) {
    /** A delivery no attempt has failed on. */
    public StoredDelivery(
        long seq, Delivery delivery, Optional<String> outcome, Optional<String> reason) {
      this(seq, delivery, outcome, reason, 0, Optional.empty());
    }
  }
}
