package dev.orchestrator.runtime;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A run's status and the one table of legal moves between them. An illegal move is a bug and throws
 * {@link IllegalTransitionException}.
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  BLOCKED,
  SUCCEEDED,
  FAILED,
  REJECTED,
  EXPIRED,
  CANCELLED;

  private static final Map<RunStatus, Set<RunStatus>> EDGES =
      Map.of(
          QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, BLOCKED, QUEUED),
          BLOCKED, EnumSet.of(QUEUED, REJECTED, EXPIRED, CANCELLED),
          SUCCEEDED, EnumSet.noneOf(RunStatus.class),
          FAILED, EnumSet.noneOf(RunStatus.class),
          REJECTED, EnumSet.noneOf(RunStatus.class),
          EXPIRED, EnumSet.noneOf(RunStatus.class),
          CANCELLED, EnumSet.noneOf(RunStatus.class));

  /** True when no move leaves this status. */
  public boolean isTerminal() {
    return EDGES.get(this).isEmpty();
  }

  /** True when {@code next} is a legal move from this status. */
  public boolean canMoveTo(RunStatus next) {
    return EDGES.get(this).contains(next);
  }

  /** Checks a move; throws when the table does not allow it. */
  public RunStatus checkMove(long runId, RunStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(runId, this, next);
    }
    return next;
  }

  /** The statuses a move to {@code next} may come from. */
  public static Set<RunStatus> sourcesOf(RunStatus next) {
    Set<RunStatus> from = EnumSet.noneOf(RunStatus.class);
    for (RunStatus s : values()) {
      if (s.canMoveTo(next)) {
        from.add(s);
      }
    }
    return from;
  }
}
