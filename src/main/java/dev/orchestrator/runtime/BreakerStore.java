package dev.orchestrator.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The port to stored mission circuit breakers. A breaker that was never stored is closed. */
public interface BreakerStore {
  /** The stored breaker, if any. */
  Optional<BreakerRecord> find(String mission, long installationId);

  /**
   * Atomically applies {@code change} to the stored breaker (or to a fresh closed one) and stores
   * the result, stamped {@code now}, when it differs. Returns the result.
   */
  BreakerRecord update(
      String mission, long installationId, UnaryOperator<BreakerRecord> change, Instant now);

  /** Every stored breaker that is not CLOSED, by mission then installation. */
  List<BreakerRecord> notClosed();

  /**
   * Closes every breaker matching the filters (an empty filter matches all) and clears its failure
   * count. Returns how many of them were open.
   */
  int reset(Optional<String> mission, Optional<Long> installationId, Instant now);
}
