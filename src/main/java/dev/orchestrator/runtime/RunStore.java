package dev.orchestrator.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to stored runs; every status change goes through {@link RunStatus}'s table. */
public interface RunStore {
  /** Creates a run; empty when its idempotency key was seen before. */
  Optional<Long> create(NewRun run, Instant now);

  Optional<RunRecord> find(long id);

  /** Newest first, at most {@code limit}; only {@code repository}'s when given. */
  List<RunRecord> recent(int limit, Optional<String> repository);

  /** Runs on one issue or pull request with one of {@code statuses}, oldest first. */
  List<RunRecord> onIssue(String repository, int issue, java.util.Set<RunStatus> statuses);

  /** Newest first, with the given status. */
  List<RunRecord> withStatus(RunStatus status, int limit);

  /**
   * The newest runs, newest first, with {@code status} and in {@code repository} when given (for
   * {@code agent runs}).
   */
  List<RunRecord> list(Optional<RunStatus> status, Optional<String> repository, int limit);

  /** Moves a QUEUED run to RUNNING and stamps {@code started_at} the first time. */
  void start(long id, Instant now);

  /**
   * Moves the run to {@code to} without touching its metrics, e.g. BLOCKED to QUEUED on approval; a
   * terminal {@code to} stamps {@code finished_at}.
   */
  void move(long id, RunStatus to, Instant now);

  /**
   * Moves the run to {@code to} (checked against the table from its current status) and records
   * {@code finish}. A terminal status also stamps {@code finished_at} and the duration.
   */
  void finish(long id, RunStatus to, RunFinish finish, Instant now);

  /**
   * Moves a RUNNING run back to QUEUED until {@code notBefore} (a GitHub call of it was deferred by
   * the rate-limit governor) and records {@code finish}: the metrics so far, the checkpoint it
   * resumes from and why it waits. Its lease is released and the attempt is not counted against it:
   * nothing failed.
   */
  void defer(long id, Instant notBefore, RunFinish finish, Instant now);

  /** Overrides the recorded duration (a resumed run counts only its time running). */
  void setDuration(long id, double seconds);

  /** Replaces the run's checkpoint (the planner's memory), e.g. to record an approval. */
  void updateCheckpoint(long id, String json);

  /** How many runs have {@code status}. */
  int count(RunStatus status);
}
