package dev.orchestrator.runtime;

import java.time.Instant;

/** How a run ended this time; {@link Blocked} and {@link Deferred} runs resume later. */
public sealed interface RunOutcome {
  RunStatus status();

  record Succeeded(String summary) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.SUCCEEDED;
    }
  }

  /** {@code infrastructure}: GitHub 5xx or timeouts, model provider failures, run timeout. */
  record Failed(String errorClass, String message, boolean infrastructure) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.FAILED;
    }
  }

  /** Waiting for a human; nothing holds a worker. */
  record Blocked(String reason) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.BLOCKED;
    }
  }

  /**
   * A GitHub call was deferred by the rate-limit governor and not made: the run goes back to the
   * queue until {@code notBefore} and makes that call again from its checkpoint; nothing holds a
   * worker meanwhile.
   */
  record Deferred(Instant notBefore, String reason) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.QUEUED;
    }
  }

  record Rejected(String by, String reason) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.REJECTED;
    }
  }
}
