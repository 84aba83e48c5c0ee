package dev.orchestrator.webhook;

import java.util.Optional;

/** The port to what became of deliveries, read by {@code agent receive --wait}. */
@FunctionalInterface
public interface DeliveryReports {
  /** The delivery with GitHub's id {@code deliveryId}, if it is stored. */
  Optional<DeliveryReport> find(String deliveryId);
}
