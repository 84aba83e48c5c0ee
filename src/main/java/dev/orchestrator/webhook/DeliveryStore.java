package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to stored deliveries: durable before the 202, dispatched in order of arrival. */
public interface DeliveryStore {
  /** Stores and commits {@code d}; false when its id was stored before (nothing is changed). */
  boolean store(Delivery d);

  /** True when a delivery with this id is stored. */
  boolean contains(String deliveryId);

  /** The oldest deliveries not yet dispatched, in order of arrival. */
  List<StoredDelivery> pending(int limit);

  /** The arrival order of the newest stored delivery (0 when there is none). */
  long lastSeq();

  /** Records how a delivery was dispatched; it is not dispatched again. */
  void markDispatched(long seq, String outcome, String reason, Instant at);

  /** A stored delivery with its arrival order and dispatch state. */
  record StoredDelivery(
      long seq, Delivery delivery, Optional<String> outcome, Optional<String> reason) {}
}
