package dev.orchestrator.store;

/**
 * Told how far a long operation (backup, restore, prune) has got, so a person at a terminal can see
 * it move. Called on the working thread; implementations must be quick.
 */
@FunctionalInterface
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (phase, done, total) -> {};

  /**
   * {@code done} of {@code total} units of {@code phase} (pages, bytes or rows); {@code total} is 0
   * when unknown.
   */
  void update(String phase, long done, long total);
}
