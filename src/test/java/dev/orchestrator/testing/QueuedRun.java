package dev.orchestrator.testing;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import java.util.Optional;

/** A QUEUED run of a mission at a priority, as a command or trigger would queue it. */
public final class QueuedRun {
  private QueuedRun() {}

  public static NewRun of(String mission, long installationId, int priority) {
    return new NewRun(
        mission,
        "deterministic",
        installationId,
        Optional.of("octo/repo"),
        Optional.empty(),
        Optional.empty(),
        "event",
        Optional.empty(),
        Optional.empty(),
        RunStatus.QUEUED,
        priority,
        false,
        "{}",
        Optional.empty());
  }
}
