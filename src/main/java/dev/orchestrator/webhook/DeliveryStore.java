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

  /** The oldest deliveries not yet dispatched, in order of arrival. */
  List<StoredDelivery> pending(int limit);

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

  /** A stored delivery with its arrival order and dispatch state. */
  record StoredDelivery(
      long seq, Delivery delivery, Optional<String> outcome, Optional<String> reason) {}
}
