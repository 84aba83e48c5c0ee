package dev.orchestrator.queue;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable priority queue. It is the runs table: QUEUED rows wait, a claim moves one to RUNNING
 * under a lease. Nothing but a wake-up signal lives in memory.
 */
public interface MissionQueue {
  /** Queues a run unless its idempotency key was seen or the queue is full. */
  Offer offer(NewRun run, Instant now);

  /**
   * Claims the next run for {@code worker}: highest priority; within it the installation served
   * least recently; within that the oldest. Skips runs whose issue has an earlier run still queued
   * or running, runs whose mission breaker is open, and runs waiting for a "not before" instant
   * after {@code now} (a GitHub call of theirs was deferred).
   */
  Optional<RunRecord> claim(String worker, Duration lease, Instant now);

  /** The earliest "not before" instant after {@code now} of a waiting run, if any waits. */
  Optional<Instant> nextWaitingUntil(Instant now);

  /** Extends the lease of a run {@code worker} holds; false if it no longer holds it. */
  boolean renew(long runId, String worker, Duration lease, Instant now);

  /**
   * Returns runs whose lease expired to QUEUED, or fails them once they have used {@code
   * maxAttempts}; returns the ids put back and failed.
   */
  Reclaimed reclaimExpired(int maxAttempts, Instant now);

  /**
   * Ends now the leases of every RUNNING run: for a server starting up, which holds the database
   * alone, these were held by the workers of a process that died, and are reclaimed at once instead
   * of after their lease. Returns how many.
   */
  int endOrphanedLeases(Instant now);

  /** Puts a RUNNING run back to QUEUED (shutdown); its attempt is not counted against it. */
  void release(long runId, String worker, Instant now);

  /** QUEUED runs, in total and for one installation. */
  int queued();

  int queued(long installationId);

  /** The outcome of {@link #offer}. */
  sealed interface Offer {
    record Queued(long runId) implements Offer {}

    record Duplicate() implements Offer {}

    record Full(String reason) implements Offer {}
  }

  /** Runs reclaimed after their lease expired. */
  record Reclaimed(List<Long> requeued, List<Long> failed) {}
}
