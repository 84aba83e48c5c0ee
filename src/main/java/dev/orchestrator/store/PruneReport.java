package dev.orchestrator.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What one prune removed.
 *
 * @param horizon runs finished and deliveries received before this instant were pruned
 * @param transcriptsDeleted transcripts of runs finished before the horizon
 * @param runPayloadsCleared runs whose stored event payload and checkpoint were set to NULL (the
 *     run rows themselves stay: metrics read them)
 * @param deliveriesDeleted dispatched deliveries received before the horizon
 * @param pagesFreed pages given back by {@code PRAGMA incremental_vacuum}
 * @param vacuumAvailable false when the file was created without {@code auto_vacuum=INCREMENTAL},
 *     so freed pages stay inside the file for reuse
 * @param bytesBefore the database file's size before
 * @param bytesAfter the database file's size after
 * @param longestLock the longest any one batch held the write lock
 */
public record PruneReport(
    Instant horizon,
    long transcriptsDeleted,
    long runPayloadsCleared,
    long deliveriesDeleted,
    long pagesFreed,
    boolean vacuumAvailable,
    long bytesBefore,
    long bytesAfter,
    Duration longestLock) {

  /** One line for the server's log. */
  public String summary() {
    return "before "
        + horizon
        + ": "
        + transcriptsDeleted
        + " transcripts deleted, "
        + runPayloadsCleared
        + " run payloads cleared, "
        + deliveriesDeleted
        + " deliveries deleted, "
        + pagesFreed
        + " pages freed; longest write lock "
        + longestLock.toMillis()
        + " ms";
  }

  /** True when nothing was old enough to remove. */
  public boolean nothingRemoved() {
    return transcriptsDeleted == 0 && runPayloadsCleared == 0 && deliveriesDeleted == 0;
  }
}
