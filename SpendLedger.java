package dev.orchestrator.planner;

import java.math.BigDecimal;
import java.time.Instant;

/** The port to what model calls have cost: the store sums {@code runs.cost_usd}. */
@FunctionalInterface
public interface SpendLedger {
  /**
   * What the runs of {@code installationId} recorded since {@code since} (the start of the day),
   * leaving out run {@code excludedRunId}, whose spend the caller counts itself.
   */
  BigDecimal spentSince(long installationId, Instant since, long excludedRunId);

  /** A ledger with nothing in it (no store). */
  SpendLedger EMPTY = (installation, since, excluded) -> BigDecimal.ZERO;
}
