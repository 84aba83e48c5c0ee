package dev.orchestrator.runtime;

/** A run was asked to make a move its transition table forbids: always a bug. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(long runId, RunStatus from, RunStatus to) {
    super("run " + runId + ": illegal move from " + from + " to " + to);
  }
}
