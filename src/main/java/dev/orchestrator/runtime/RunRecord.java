package dev.orchestrator.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * One run as stored: what started it, where it runs, where it is, and what it cost. {@code
 * installationId} is 0 for runs without an installation (offline and token mode). {@code notBefore}
 * is set on a QUEUED run whose GitHub call was deferred: no worker claims it earlier.
 */
public record RunRecord(
    long id,
    String mission,
    String planner,
    long installationId,
    Optional<String> repository,
    Optional<Integer> issueNumber,
    Optional<String> headSha,
    String trigger,
    Optional<String> requestedBy,
    Optional<String> idempotencyKey,
    RunStatus status,
    int priority,
    boolean dryRun,
    String argumentsJson,
    Optional<String> eventJson,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Optional<Double> durationSeconds,
    int toolCallCount,
    long tokenUsage,
    double costUsd,
    Optional<String> model,
    Optional<String> error,
    Optional<String> errorClass,
    Optional<String> checkpointJson,
    int attempts,
    Instant updatedAt,
    Optional<Instant> notBefore) {
  /** True when the run waits in the queue for an instant still after {@code now}. */
  public boolean waitingAt(Instant now) {
    return status == RunStatus.QUEUED && notBefore.isPresent() && notBefore.get().isAfter(now);
  }
}
