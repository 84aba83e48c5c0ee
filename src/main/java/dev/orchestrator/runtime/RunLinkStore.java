package dev.orchestrator.runtime;

import java.util.List;
import java.util.Optional;

/** The port to {@link RunLinks}. */
public interface RunLinkStore {
  void save(RunLinks links);

  Optional<RunLinks> find(long runId);

  /** Runs started by the same comment (several commands in one comment). */
  List<RunLinks> byComment(long commentId);
}
