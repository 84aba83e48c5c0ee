package dev.orchestrator.runtime;

/** How a run ended this time; {@link Blocked} runs resume later. */
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

  record Rejected(String by, String reason) implements RunOutcome {
    @Override
    public RunStatus status() {
      return RunStatus.REJECTED;
    }
  }
}
